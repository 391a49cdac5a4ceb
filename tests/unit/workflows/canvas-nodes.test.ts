import { describe, expect, it } from "vitest";
import { LOOP_HEADER, LOOP_PADDING } from "@/components/workflows/lib/geometry";
import { addNode, removeElements } from "@/components/workflows/lib/graph-edit";
import { caretAt, issueOffset, issuesByNode } from "@/components/workflows/lib/issues";
import { createNode, NODE_TYPES, nodeUnavailable } from "@/components/workflows/lib/node-catalog";
import { formatDuration, summarizeNode } from "@/components/workflows/lib/node-summary";
import { rewriteStepRefs } from "@/components/workflows/lib/references";
import { ZWorkflowGraphSchema, ZWorkflowNodeSchema, type WorkflowGraph } from "@/server/schemas/workflow-graph";

const ctx = { listingSlug: "copywriter", workflowId: "wf_1" };
const empty: WorkflowGraph = { nodes: [], edges: [], budgetCapCredits: null };

describe("new nodes from the palette", () => {
  it("are well-formed graph nodes for every type", () => {
    for (const type of NODE_TYPES) {
      const node = createNode(type, type, { x: 0, y: 0 }, ctx);
      expect(ZWorkflowNodeSchema.safeParse(node).success, type).toBe(true);
    }
  });

  it("cannot be agent or sub-workflow steps without something real to call", () => {
    expect(createNode("agent", "agent", { x: 0, y: 0 }, {})).toBeNull();
    expect(nodeUnavailable("agent", {})).toMatch(/listing/);
    expect(nodeUnavailable("subworkflow", { listingSlug: "x" })).toMatch(/workflow/);
    expect(nodeUnavailable("delay", {})).toBeNull();
    expect(addNode(empty, "agent", { x: 0, y: 0 }, {})).toBeNull();
  });

  it("get the next id of their type and a matching name", () => {
    let g = empty;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const added = addNode(g, "agent", { x: i * 300, y: 0 }, ctx)!;
      g = added.graph;
      ids.push(added.id);
    }
    expect(ids).toEqual(["agent", "agent_2", "agent_3"]);
    expect(g.nodes.map((n) => n.name)).toEqual(["Agent step", "Agent step 2", "Agent step 3"]);
  });

  it("dropped inside a loop join its body, clear of its header; triggers and loops never do", () => {
    const withLoop = addNode(empty, "loop", { x: 100, y: 100 }, ctx)!.graph;
    const inside = addNode(withLoop, "delay", { x: 110, y: 110 }, ctx)!;
    const delay = inside.graph.nodes.find((n) => n.id === inside.id)!;
    expect(delay.parentId).toBe("loop");
    expect(delay.position).toEqual({ x: LOOP_PADDING, y: LOOP_HEADER });
    const trigger = addNode(withLoop, "trigger", { x: 150, y: 150 }, ctx)!;
    expect(trigger.graph.nodes.find((n) => n.id === "trigger")!.parentId).toBeUndefined();
    expect(ZWorkflowGraphSchema.safeParse(inside.graph).success).toBe(true);
    // Deleting the loop takes its body and their edges.
    expect(removeElements(inside.graph, ["loop"]).nodes).toEqual([]);
  });
});

describe("node summaries", () => {
  it("say what the config does in a line", () => {
    const listings = [{ slug: "copywriter", name: "Copywriter Pro", priceCredits: 25 }];
    expect(summarizeNode(createNode("agent", "a", { x: 0, y: 0 }, ctx)!, { listings })).toBe("Copywriter Pro · 25 cr");
    expect(summarizeNode(createNode("agent", "a", { x: 0, y: 0 }, ctx)!)).toBe("copywriter");
    expect(summarizeNode(createNode("approval", "a", { x: 0, y: 0 }, ctx)!)).toBe("owners, admins · 3 d, then reject");
    expect(summarizeNode(createNode("delay", "d", { x: 0, y: 0 }, ctx)!)).toBe("Waits 1 h");
    expect(formatDuration(5_400)).toBe("1 h 30 min");
    expect(formatDuration(90_061)).toBe("1 d 1 h");
    expect(formatDuration(45)).toBe("45 s");
  });
});

describe("issue positions", () => {
  const text = "Hello\n{{ steps.reserch.output }}\nbye";
  it("read offsets and 1-based line/column alike, clamped to the text", () => {
    expect(issueOffset(text, 9)).toBe(9);
    expect(issueOffset(text, { line: 2, column: 4, offset: 9 })).toBe(9);
    expect(issueOffset(text, { line: 2, column: 4 })).toBe(9);
    expect(issueOffset(text, { line: 9, column: 1 })).toBe(text.lastIndexOf("\n") + 1);
    expect(issueOffset(text, { line: 1, column: 99 })).toBe(5);
    expect(issueOffset(text, 10_000)).toBe(text.length);
    expect(issueOffset(text, undefined)).toBeNull();
  });

  it("find the line and column to draw the caret under", () => {
    expect(caretAt(text, 9)).toEqual({ line: 2, column: 4, lineText: "{{ steps.reserch.output }}" });
    expect(caretAt(text, 0)).toEqual({ line: 1, column: 1, lineText: "Hello" });
  });
});

describe("issues by node", () => {
  it("badge every node of a cycle, and the one node of other issues", () => {
    const byNode = issuesByNode([
      { code: "cycle", severity: "error", message: "A cycle", nodeIds: ["a", "b", "c"] },
      { code: "missing", severity: "warning", message: "Empty", nodeId: "a" },
      { code: "edge", severity: "error", message: "Edge", edgeId: "e1" },
    ]);
    expect([...byNode.keys()].sort()).toEqual(["a", "b", "c"]);
    expect(byNode.get("a")!.map((i) => i.code)).toEqual(["cycle", "missing"]);
    expect(byNode.get("c")!.map((i) => i.code)).toEqual(["cycle"]);
  });
});

describe("step references", () => {
  it("rename whole ids only, in dot and bracket form", () => {
    const renames = new Map([["agent", "writer"]]);
    expect(rewriteStepRefs("{{ steps.agent.output }} {{ steps.agent_2.output }}", renames)).toBe(
      "{{ steps.writer.output }} {{ steps.agent_2.output }}",
    );
    expect(rewriteStepRefs(`{{ steps["agent"].data }} {{ mysteps.agent }}`, renames)).toBe(
      `{{ steps["writer"].data }} {{ mysteps.agent }}`,
    );
  });
});
