import { describe, expect, it } from "vitest";
import { LOOP_MIN, LOOP_PADDING, NODE_HEIGHT, NODE_WIDTH } from "@/components/workflows/lib/geometry";
import { connect, connectionError, renameNodeId } from "@/components/workflows/lib/graph-edit";
import { flowPositions, graphToFlow } from "@/components/workflows/lib/graph-to-flow";
import { moveNodes } from "@/components/workflows/lib/graph-move";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "@/server/schemas/workflow-graph";

// The loop is listed after its body on purpose: xyflow needs parents first, the graph does not.
const graph: WorkflowGraph = ZWorkflowGraphSchema.parse({
  budgetCapCredits: 500,
  nodes: [
    { id: "start", type: "trigger", name: "Start", position: { x: 0, y: 0 }, config: { kind: "manual" } },
    { id: "check", type: "condition", name: "Check", position: { x: 300, y: 0 }, config: { expression: "input.ok" } },
    { id: "yes", type: "delay", name: "Yes", position: { x: 600, y: -100 }, config: { seconds: 60 } },
    {
      id: "inner",
      type: "transform",
      name: "Inner",
      parentId: "each",
      position: { x: 400, y: 150 },
      config: { template: "{{ item }} {{ steps.check.data }}" },
    },
    { id: "each", type: "loop", name: "Each", position: { x: 600, y: 200 }, config: { items: "input.list" } },
  ],
  edges: [
    { id: "a", source: "start", target: "check" },
    { id: "b", source: "check", target: "yes", branch: "true" },
    { id: "c", source: "check", target: "each", branch: "false" },
  ],
});

describe("graph to xyflow", () => {
  it("lists loops before their body, with parentId and positions relative to the loop", () => {
    const { nodes } = graphToFlow(graph);
    const ids = nodes.map((n) => n.id);
    expect(ids.indexOf("each")).toBeLessThan(ids.indexOf("inner"));
    const inner = nodes.find((n) => n.id === "inner")!;
    expect(inner).toMatchObject({ parentId: "each", position: { x: 400, y: 150 }, type: "step" });
    expect(inner.data.node.type).toBe("transform");
    expect(nodes.find((n) => n.id === "each")!.type).toBe("loop");
    expect(nodes.find((n) => n.id === "start")!.parentId).toBeUndefined();
  });

  it("sizes steps fixed and loops around their body", () => {
    const { nodes } = graphToFlow(graph);
    expect(nodes.find((n) => n.id === "start")).toMatchObject({ width: NODE_WIDTH, height: NODE_HEIGHT });
    const loop = nodes.find((n) => n.id === "each")!;
    expect(loop.width).toBe(400 + NODE_WIDTH + LOOP_PADDING);
    expect(loop.height).toBe(150 + NODE_HEIGHT + LOOP_PADDING);
    expect(loop.data.bodyCount).toBe(1);
    const empty = graphToFlow({ ...graph, nodes: graph.nodes.filter((n) => n.id !== "inner") });
    expect(empty.nodes.find((n) => n.id === "each")).toMatchObject(LOOP_MIN);
  });

  it("sends condition edges out of their branch's handle", () => {
    const { edges } = graphToFlow(graph);
    expect(edges.find((e) => e.id === "b")).toMatchObject({ sourceHandle: "true", data: { branch: "true" } });
    expect(edges.find((e) => e.id === "c")).toMatchObject({ sourceHandle: "false", data: { branch: "false" } });
    expect(edges.find((e) => e.id === "a")).toMatchObject({ sourceHandle: null, data: { branch: null } });
  });

  it("hands each node its issues, run state and summary, and marks the selection", () => {
    const { nodes, edges } = graphToFlow(
      graph,
      {
        issues: [
          { code: "x", severity: "error", message: "Bad", nodeId: "check" },
          { code: "y", severity: "warning", message: "Hm", edgeId: "b" },
          { code: "z", severity: "error", message: "Worse", edgeId: "b" },
        ],
        nodeStates: { check: { state: "succeeded", costCredits: 0 }, yes: { state: "running" } },
        readOnly: true,
      },
      { nodes: new Set(["yes"]), edges: new Set(["a"]) },
    );
    const check = nodes.find((n) => n.id === "check")!;
    expect(check.data.issues.map((i) => i.message)).toEqual(["Bad"]);
    expect(check.data.run).toEqual({ state: "succeeded", costCredits: 0 });
    expect(check.data.summary).toBe("If input.ok");
    expect(check.draggable).toBe(false);
    expect(nodes.find((n) => n.id === "yes")!.selected).toBe(true);
    expect(nodes.find((n) => n.id === "start")!.data.run).toBeNull();
    expect(edges.find((e) => e.id === "b")!.data).toMatchObject({ issue: "error", active: true });
    expect(edges.find((e) => e.id === "a")).toMatchObject({ selected: true, data: { issue: null, active: false } });
  });

  it("gives back the same graph when nothing moved", () => {
    const { nodes } = graphToFlow(graph);
    expect(moveNodes(graph, flowPositions(nodes))).toEqual(graph);
  });
});

describe("connecting on the canvas", () => {
  it("writes the branch from the condition's handle", () => {
    const next = connect(graph, { source: "check", target: "yes", sourceHandle: "false" })!;
    expect(next.edges.at(-1)).toEqual({ id: "e_check_false_yes", source: "check", target: "yes", branch: "false" });
    const plain = connect(graph, { source: "yes", target: "each", sourceHandle: null })!;
    expect(plain.edges.at(-1)).toEqual({ id: "e_yes_each", source: "yes", target: "each" });
    expect(ZWorkflowGraphSchema.safeParse(next).success).toBe(true);
  });

  it("refuses what the graph cannot mean", () => {
    expect(connectionError(graph, { source: "check", target: "yes" })).toMatch(/true or false/);
    expect(connectionError(graph, { source: "check", target: "yes", sourceHandle: "true" })).toMatch(/already/);
    expect(connectionError(graph, { source: "yes", target: "yes" })).toMatch(/itself/);
    expect(connectionError(graph, { source: "yes", target: "start" })).toMatch(/trigger/);
    expect(connectionError(graph, { source: "yes", target: "inner" })).toMatch(/same loop/);
    expect(connectionError(graph, { source: "yes", target: "ghost" })).toMatch(/Both ends/);
    expect(connect(graph, { source: "yes", target: "inner" })).toBeNull();
  });
});

describe("moving nodes in and out of loops", () => {
  it("puts a node dropped inside a loop into its body, relative to the loop", () => {
    const next = moveNodes(graph, new Map([["yes", { x: 700, y: 260 }]]));
    const yes = next.nodes.find((n) => n.id === "yes")!;
    expect(yes.parentId).toBe("each");
    expect(yes.position).toEqual({ x: 100, y: 64 });
    // Its edge from the condition would cross the loop's border.
    expect(next.edges.map((e) => e.id)).toEqual(["a", "c"]);
  });

  it("takes a node dragged out of its loop out of the body, at the same canvas spot", () => {
    const next = moveNodes(graph, new Map([["inner", { x: -500, y: 150 }]]));
    const inner = next.nodes.find((n) => n.id === "inner")!;
    expect(inner.parentId).toBeUndefined();
    expect(inner.position).toEqual({ x: 100, y: 350 });
  });

  it("keeps a node moved within its loop inside, clear of the header", () => {
    const next = moveNodes(graph, new Map([["inner", { x: 2, y: 3 }]]));
    expect(next.nodes.find((n) => n.id === "inner")).toMatchObject({ parentId: "each", position: { x: 24, y: 64 } });
  });
});

describe("renaming a node id", () => {
  it("follows the id through edges, loop bodies and templates", () => {
    const next = renameNodeId(graph, "check", "gate");
    expect(next.edges.map((e) => [e.source, e.target])).toEqual([
      ["start", "gate"],
      ["gate", "yes"],
      ["gate", "each"],
    ]);
    const inner = next.nodes.find((n) => n.id === "inner")!;
    expect(inner.type === "transform" && inner.config.template).toBe("{{ item }} {{ steps.gate.data }}");
    const body = renameNodeId(graph, "each", "per_item");
    expect(body.nodes.find((n) => n.id === "inner")!.parentId).toBe("per_item");
  });

  it("refuses a taken or malformed id", () => {
    expect(() => renameNodeId(graph, "check", "yes")).toThrow(/already/);
    expect(() => renameNodeId(graph, "check", "Not An Id")).toThrow(/not a node id/);
  });
});
