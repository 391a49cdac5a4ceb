import type { ELK, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import type { WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { LOOP_HEADER, LOOP_MIN, LOOP_PADDING, NODE_HEIGHT, NODE_WIDTH } from "./geometry";

/**
 * Auto-layout with ELK's layered algorithm. ELK over dagre because it lays
 * out nested graphs in one pass (a loop's body inside the loop's box, with
 * the loop sized around it) and keeps a condition's true port above its false
 * port; dagre's compound support cannot do either. The 1.5 MB engine is
 * loaded on the first click, not with the page.
 */
export type ElkLike = Pick<ELK, "layout">;

let engine: Promise<ElkLike> | null = null;
function loadElk(): Promise<ElkLike> {
  engine ??= import("elkjs/lib/elk.bundled.js").then(({ default: Elk }) => new Elk());
  return engine;
}

const ROOT_OPTIONS = {
  "elk.algorithm": "layered",
  "elk.direction": "RIGHT",
  "elk.hierarchyHandling": "INCLUDE_CHILDREN",
  "elk.layered.spacing.nodeNodeBetweenLayers": "72",
  "elk.spacing.nodeNode": "40",
  "elk.spacing.componentComponent": "60",
  "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
  "elk.padding": "[top=24,left=24,bottom=24,right=24]",
};

const LOOP_OPTIONS = {
  "elk.padding": `[top=${LOOP_HEADER},left=${LOOP_PADDING},bottom=${LOOP_PADDING},right=${LOOP_PADDING}]`,
  "elk.nodeSize.constraints": "MINIMUM_SIZE",
  "elk.nodeSize.minimum": `(${LOOP_MIN.width},${LOOP_MIN.height})`,
};

const port = (nodeId: string, branch: string) => `${nodeId}__${branch}`;

function toElk(graph: WorkflowGraph, node: WorkflowNode): ElkNode {
  if (node.type === "loop") {
    const body = graph.nodes.filter((n) => n.parentId === node.id);
    return { id: node.id, layoutOptions: LOOP_OPTIONS, children: body.map((n) => toElk(graph, n)) };
  }
  if (node.type === "condition") {
    return {
      id: node.id,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      ports: ["true", "false"].map((branch, index) => ({
        id: port(node.id, branch),
        width: 1,
        height: 1,
        layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(index) },
      })),
    };
  }
  return { id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT };
}

/** The graph with every node placed by ELK (positions relative to their loop, as the graph keeps them). */
export async function autoLayout(graph: WorkflowGraph, elk?: ElkLike): Promise<WorkflowGraph> {
  if (graph.nodes.length === 0) return graph;
  const ids = new Set(graph.nodes.map((n) => n.id));
  const roots = graph.nodes.filter((n) => !n.parentId || !ids.has(n.parentId));
  const edges: ElkExtendedEdge[] = graph.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ id: e.id, sources: [e.branch ? port(e.source, e.branch) : e.source], targets: [e.target] }));
  const laid = await (elk ?? (await loadElk())).layout({
    id: "root",
    layoutOptions: ROOT_OPTIONS,
    children: roots.map((n) => toElk(graph, n)),
    edges,
  });
  const positions = new Map<string, { x: number; y: number }>();
  const collect = (n: ElkNode) => {
    for (const child of n.children ?? []) {
      positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
      collect(child);
    }
  };
  collect(laid);
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) };
}
