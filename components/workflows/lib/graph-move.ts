import type { WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { absolutePosition, clampIntoLoop, loopAt, nodeSize, type XY } from "./geometry";
import { canJoinLoop } from "./node-catalog";

/**
 * Applies dragged positions (relative to each node's current parent, as the
 * canvas reports them) and moves nodes in and out of loop bodies: a node
 * whose centre lands in a loop's box joins that loop, one dragged out of its
 * loop leaves it. Edges that would cross a loop's border are dropped, since
 * a body only connects inside itself.
 */
export function moveNodes(graph: WorkflowGraph, moves: ReadonlyMap<string, XY>): WorkflowGraph {
  if (moves.size === 0) return graph;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const movedWithParent = (n: WorkflowNode) => n.parentId !== undefined && moves.has(n.parentId);
  const exclude = new Set<string>();
  for (const id of moves.keys()) for (const d of withDescendants(graph, id)) exclude.add(d);

  const nodes = graph.nodes.map((node) => {
    const rel = moves.get(node.id);
    if (!rel) return node;
    if (movedWithParent(node) || !canJoinLoop(node.type)) return { ...node, position: rel };
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    const base = parent ? absolutePosition(graph, parent) : { x: 0, y: 0 };
    const abs = { x: base.x + rel.x, y: base.y + rel.y };
    const size = nodeSize(graph, node);
    const loop = loopAt(graph, { x: abs.x + size.width / 2, y: abs.y + size.height / 2 }, exclude);
    if (!loop) return withoutParent({ ...node, position: abs });
    const loopAbs = absolutePosition(graph, loop);
    return { ...node, parentId: loop.id, position: clampIntoLoop({ x: abs.x - loopAbs.x, y: abs.y - loopAbs.y }) };
  });

  const parentOf = new Map(nodes.map((n) => [n.id, n.parentId]));
  const edges = graph.edges.filter((e) => parentOf.get(e.source) === parentOf.get(e.target));
  return { ...graph, nodes, edges };
}

/** The node moved out of any loop body. */
export function withoutParent(node: WorkflowNode): WorkflowNode {
  const copy = { ...node };
  delete copy.parentId;
  return copy;
}

/** The node and everything nested in it. */
export function withDescendants(graph: WorkflowGraph, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of graph.nodes) {
      if (n.parentId && out.has(n.parentId) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
    }
  }
  return out;
}
