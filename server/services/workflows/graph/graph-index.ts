import "server-only";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";
import type { SourceKind } from "./expression-references";

/**
 * Lookups over a graph shared by validation, the price estimate and the
 * diff. A graph being edited may be broken (duplicate ids, dangling edges),
 * so the index keeps the first node of each id and the edges the engine
 * would follow: both ends known and in the same scope (the top level or one
 * loop's body), the same filter engine/schedule.ts applies.
 */
export interface GraphIndex {
  nodes: Map<string, WorkflowNode>;
  /** Edges the engine follows. */
  edges: WorkflowEdge[];
  inEdges: Map<string, WorkflowEdge[]>;
  outEdges: Map<string, WorkflowEdge[]>;
  /** A loop's body nodes, by loop id. */
  bodies: Map<string, WorkflowNode[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexGraph(graph: WorkflowGraph): GraphIndex {
  const nodes = new Map<string, WorkflowNode>();
  for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const edges = graph.edges.filter((edge) => {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    return source && target && source.parentId === target.parentId;
  });
  const inEdges = new Map<string, WorkflowEdge[]>();
  const outEdges = new Map<string, WorkflowEdge[]>();
  for (const edge of edges) {
    push(inEdges, edge.target, edge);
    push(outEdges, edge.source, edge);
  }
  const bodies = new Map<string, WorkflowNode[]>();
  for (const node of nodes.values()) if (node.parentId) push(bodies, node.parentId, node);
  return { nodes, edges, inEdges, outEdges, bodies };
}

/** Every node with a path to `nodeId` in its scope (not the node itself, unless on a cycle). */
export function ancestorsOf(index: GraphIndex, nodeId: string): Set<string> {
  const seen = new Set<string>();
  const queue = [nodeId];
  while (queue.length) {
    for (const edge of index.inEdges.get(queue.pop()!) ?? []) {
      if (!seen.has(edge.source)) {
        seen.add(edge.source);
        queue.push(edge.source);
      }
    }
  }
  return seen;
}

/** The loops around a node, innermost first (stops at a broken or cyclic parent chain). */
export function enclosingLoops(index: GraphIndex, nodeId: string): WorkflowNode[] {
  const loops: WorkflowNode[] = [];
  let parentId = index.nodes.get(nodeId)?.parentId;
  while (parentId) {
    const parent = index.nodes.get(parentId);
    if (!parent || parent.type !== "loop" || loops.includes(parent) || parent.id === nodeId) break;
    loops.push(parent);
    parentId = parent.parentId;
  }
  return loops;
}

/**
 * The steps whose results a node may read: those that finish before it in
 * its scope and, inside a loop body, those that finish before the loop (and
 * before any loop around that). Never the loop itself: its result is made of
 * the body's.
 */
export function readableSteps(index: GraphIndex, nodeId: string): Set<string> {
  const readable = ancestorsOf(index, nodeId);
  for (const loop of enclosingLoops(index, nodeId)) for (const id of ancestorsOf(index, loop.id)) readable.add(id);
  readable.delete(nodeId);
  return readable;
}

export interface SourceField {
  /** Where in the node: "config.template", "config.expression", "config.items". */
  field: string;
  source: string;
  kind: SourceKind;
}

/** A node's Liquid fields, in the order the inspector shows them. */
export function sourceFields(node: WorkflowNode): SourceField[] {
  switch (node.type) {
    case "condition":
      return [{ field: "config.expression", source: node.config.expression, kind: "expression" }];
    case "loop":
      return [{ field: "config.items", source: node.config.items, kind: "expression" }];
    case "agent":
    case "approval":
    case "transform":
    case "subworkflow":
    case "output":
      return [{ field: "config.template", source: node.config.template, kind: "template" }];
    case "trigger":
    case "parallel":
    case "join":
    case "delay":
      return [];
  }
}
