import { describe, expect, it } from "vitest";
import { copyFragment, PASTE_OFFSET, pasteFragment } from "@/components/workflows/lib/clipboard";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "@/server/schemas/workflow-graph";

/** trigger → research → each(loop: translate → polish) → out, with a condition after research. */
const graph: WorkflowGraph = ZWorkflowGraphSchema.parse({
  budgetCapCredits: null,
  nodes: [
    { id: "start", type: "trigger", name: "Start", position: { x: 0, y: 0 }, config: { kind: "manual" } },
    {
      id: "research",
      type: "agent",
      name: "Research",
      position: { x: 300, y: 0 },
      config: { target: { kind: "listing", slug: "researcher" }, template: "{{ input.topic }}" },
    },
    {
      id: "check",
      type: "condition",
      name: "Long enough?",
      position: { x: 600, y: 0 },
      config: { expression: "steps.research.output.size > 100" },
    },
    { id: "each", type: "loop", name: "Each", position: { x: 900, y: 0 }, config: { items: "input.langs" } },
    {
      id: "translate",
      type: "transform",
      name: "Translate",
      parentId: "each",
      position: { x: 24, y: 64 },
      config: { template: "{{ item }}: {{ steps.research.output }}" },
    },
    {
      id: "polish",
      type: "transform",
      name: "Polish",
      parentId: "each",
      position: { x: 300, y: 64 },
      config: { template: "{{ steps.translate.output }}" },
    },
  ],
  edges: [
    { id: "e1", source: "start", target: "research" },
    { id: "e2", source: "research", target: "check" },
    { id: "e3", source: "check", target: "each", branch: "true" },
    { id: "e4", source: "translate", target: "polish" },
  ],
});

describe("canvas copy and paste", () => {
  it("copies the selected nodes with the edges between them, and a loop with its body", () => {
    const fragment = copyFragment(graph, ["research", "check", "each"])!;
    expect(fragment.nodes.map((n) => n.id).sort()).toEqual(["check", "each", "polish", "research", "translate"]);
    expect(fragment.edges.map((e) => e.id).sort()).toEqual(["e2", "e3", "e4"]);
    expect(Object.keys(fragment.absolute).sort()).toEqual(["check", "each", "research"]);
    expect(copyFragment(graph, ["nope"])).toBeNull();
  });

  it("pastes under fresh ids, pointing edges and references at the copies, offset from the originals", () => {
    const fragment = copyFragment(graph, ["research", "check"])!;
    const { graph: next, ids } = pasteFragment(graph, fragment);
    expect(ids).toEqual(["research_2", "check_2"]);
    const copy = next.nodes.find((n) => n.id === "check_2")!;
    expect(copy.type === "condition" && copy.config.expression).toBe("steps.research_2.output.size > 100");
    expect(copy.position).toEqual({ x: 600 + PASTE_OFFSET, y: PASTE_OFFSET });
    expect(next.edges.filter((e) => ids.includes(e.source))).toEqual([
      { id: "e_research_2_check_2", source: "research_2", target: "check_2" },
    ]);
    expect(next.nodes).toHaveLength(graph.nodes.length + 2);
    expect(ZWorkflowGraphSchema.safeParse(next).success).toBe(true);
  });

  it("keeps references to nodes that were not copied", () => {
    const { graph: next } = pasteFragment(graph, copyFragment(graph, ["translate"])!);
    const copy = next.nodes.find((n) => n.id === "translate_2")!;
    expect(copy.type === "transform" && copy.config.template).toBe("{{ item }}: {{ steps.research.output }}");
  });

  it("pastes a loop with its body, the body still inside the copy", () => {
    const { graph: next, ids } = pasteFragment(graph, copyFragment(graph, ["each"])!);
    expect(ids).toEqual(["each_2", "translate_2", "polish_2"]);
    const body = next.nodes.filter((n) => n.parentId === "each_2");
    expect(body.map((n) => n.id)).toEqual(["translate_2", "polish_2"]);
    expect(body[0]!.position).toEqual({ x: 24, y: 64 });
    const polish = body[1]!;
    expect(polish.type === "transform" && polish.config.template).toBe("{{ steps.translate_2.output }}");
    expect(next.edges.some((e) => e.source === "translate_2" && e.target === "polish_2")).toBe(true);
  });

  it("puts a body node back into its loop, or on the canvas where it sat when the loop is gone", () => {
    const fragment = copyFragment(graph, ["polish"])!;
    const inLoop = pasteFragment(graph, fragment).graph.nodes.find((n) => n.id === "polish_2")!;
    expect(inLoop.parentId).toBe("each");
    expect(inLoop.position).toEqual({ x: 300 + PASTE_OFFSET, y: 64 + PASTE_OFFSET });

    const elsewhere: WorkflowGraph = { nodes: [], edges: [], budgetCapCredits: null };
    const loose = pasteFragment(elsewhere, fragment).graph.nodes[0]!;
    expect(loose.id).toBe("polish");
    expect(loose.parentId).toBeUndefined();
    expect(loose.position).toEqual({ x: 900 + 300 + PASTE_OFFSET, y: 64 + PASTE_OFFSET });
  });

  it("fans repeated pastes out instead of stacking them", () => {
    const fragment = copyFragment(graph, ["start"])!;
    let g = graph;
    const positions: { x: number; y: number }[] = [];
    for (let times = 1; times <= 3; times++) {
      const pasted = pasteFragment(g, fragment, times);
      g = pasted.graph;
      positions.push(g.nodes.find((n) => n.id === pasted.ids[0])!.position);
    }
    expect(positions).toEqual([1, 2, 3].map((t) => ({ x: t * PASTE_OFFSET, y: t * PASTE_OFFSET })));
    expect(g.nodes.filter((n) => n.type === "trigger").map((n) => n.id)).toEqual([
      "start",
      "start_2",
      "start_3",
      "start_4",
    ]);
  });
});
