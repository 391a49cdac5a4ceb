import {
  ZWorkflowGraphSchema,
  type NodeRunState,
  type WorkflowGraph,
  type WorkflowNode,
} from "@/server/schemas/workflow-graph";

/**
 * Small graphs for the engine's unit tests, parsed with the real schema so a
 * test can only build what the canvas could. `n.agent("a")` etc. give nodes;
 * `edge("a", "b")` and `edge("c", "x", "true")` give edges.
 */
const at = { x: 0, y: 0 };
type Extra = { parentId?: string };

export const n = {
  trigger: (id: string): unknown => ({ id, name: id, position: at, type: "trigger", config: { kind: "manual" } }),
  agent: (id: string, extra: Extra = {}): unknown => ({
    id,
    name: id,
    position: at,
    type: "agent",
    config: { target: { kind: "listing", slug: "some-agent" }, template: "Do {{ input.topic }}" },
    ...extra,
  }),
  condition: (id: string, extra: Extra = {}): unknown => ({
    id,
    name: id,
    position: at,
    type: "condition",
    config: { expression: "input.go" },
    ...extra,
  }),
  parallel: (id: string, extra: Extra = {}): unknown => ({
    id,
    name: id,
    position: at,
    type: "parallel",
    config: {},
    ...extra,
  }),
  join: (id: string, wait: "all" | "first" = "all", extra: Extra = {}): unknown => ({
    id,
    name: id,
    position: at,
    type: "join",
    config: { wait },
    ...extra,
  }),
  output: (id: string, extra: Extra = {}): unknown => ({
    id,
    name: id,
    position: at,
    type: "output",
    config: { template: "{{ steps }}" },
    ...extra,
  }),
  loop: (id: string, concurrency = 1, extra: Extra = {}): unknown => ({
    id,
    name: id,
    position: at,
    type: "loop",
    config: { items: "input.items", concurrency },
    ...extra,
  }),
};

let edgeCount = 0;
export const edge = (source: string, target: string, branch?: "true" | "false") => ({
  id: `e${++edgeCount}`,
  source,
  target,
  ...(branch ? { branch } : {}),
});

export function graph(nodes: unknown[], edges: ReturnType<typeof edge>[]): WorkflowGraph {
  return ZWorkflowGraphSchema.parse({ nodes, edges });
}

export function states(entries: Record<string, NodeRunState | [NodeRunState, "true" | "false"]>) {
  return new Map(
    Object.entries(entries).map(([id, s]) => [id, Array.isArray(s) ? { state: s[0], branch: s[1] } : { state: s }]),
  );
}

export const nodesOf = (g: WorkflowGraph, ids: string[]): WorkflowNode[] => g.nodes.filter((x) => ids.includes(x.id));
