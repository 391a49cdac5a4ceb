import { describe, expect, it } from "vitest";
import { autoLayout } from "@/components/workflows/lib/auto-layout";
import { absoluteRect, nodeSize } from "@/components/workflows/lib/geometry";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "@/server/schemas/workflow-graph";

const at = { x: 0, y: 0 };
const graph: WorkflowGraph = ZWorkflowGraphSchema.parse({
  budgetCapCredits: null,
  nodes: [
    { id: "start", type: "trigger", name: "Start", position: at, config: { kind: "manual" } },
    { id: "check", type: "condition", name: "Check", position: at, config: { expression: "input.ok" } },
    { id: "no", type: "delay", name: "No", position: at, config: { seconds: 5 } },
    { id: "yes", type: "delay", name: "Yes", position: at, config: { seconds: 5 } },
    { id: "each", type: "loop", name: "Each", position: at, config: { items: "input.list" } },
    { id: "one", type: "delay", name: "One", parentId: "each", position: at, config: { seconds: 5 } },
    { id: "two", type: "delay", name: "Two", parentId: "each", position: at, config: { seconds: 5 } },
    { id: "end", type: "output", name: "End", position: at, config: { template: "done" } },
  ],
  edges: [
    { id: "a", source: "start", target: "check" },
    { id: "b", source: "check", target: "no", branch: "false" },
    { id: "c", source: "check", target: "yes", branch: "true" },
    { id: "d", source: "yes", target: "each" },
    { id: "e", source: "one", target: "two" },
    { id: "f", source: "each", target: "end" },
    { id: "g", source: "no", target: "end" },
  ],
});

const overlap = (a: ReturnType<typeof absoluteRect>, b: ReturnType<typeof absoluteRect>) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("auto-layout (ELK)", () => {
  it("lays the flow out left to right without overlaps, the body inside its loop", async () => {
    const laid = await autoLayout(graph);
    const rect = (id: string) =>
      absoluteRect(
        laid,
        laid.nodes.find((n) => n.id === id)!,
      );
    for (const e of laid.edges) expect(rect(e.source).x + rect(e.source).width).toBeLessThanOrEqual(rect(e.target).x);
    const top = laid.nodes.filter((n) => !n.parentId).map((n) => rect(n.id));
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++) expect(overlap(top[i]!, top[j]!)).toBe(false);
    const loop = rect("each");
    for (const id of ["one", "two"]) {
      const r = rect(id);
      expect(r.x).toBeGreaterThan(loop.x);
      expect(r.y).toBeGreaterThan(loop.y);
      expect(r.x + r.width).toBeLessThanOrEqual(loop.x + loop.width);
      expect(r.y + r.height).toBeLessThanOrEqual(loop.y + loop.height);
    }
    expect(
      nodeSize(
        laid,
        laid.nodes.find((n) => n.id === "each")!,
      ).width,
    ).toBe(loop.width);
  });

  it("keeps a condition's true branch above its false branch", async () => {
    const laid = await autoLayout(graph);
    const y = (id: string) => laid.nodes.find((n) => n.id === id)!.position.y;
    expect(y("yes")).toBeLessThan(y("no"));
  });

  it("changes nothing but positions", async () => {
    const laid = await autoLayout(graph);
    const strip = (g: WorkflowGraph) => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, position: at })) });
    expect(strip(laid)).toEqual(strip(graph));
    expect(await autoLayout({ ...graph, nodes: [], edges: [] })).toEqual({ ...graph, nodes: [], edges: [] });
  });
});
