import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { absolutePosition, type XY } from "./geometry";
import { withDescendants, withoutParent } from "./graph-move";
import { nextEdgeId, nextNodeId } from "./ids";
import { renameRefsInNode } from "./references";

/**
 * What copy takes: the selected nodes (a loop with its body), the edges
 * between them, and where each top-level piece sat on the canvas, so a paste
 * elsewhere (outside the loop it came from, or into another workflow) lands
 * in the same place.
 */
export type GraphFragment = {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  /** Canvas positions of the fragment's roots (nodes whose parent was not copied). */
  absolute: Record<string, XY>;
};

export const PASTE_OFFSET = 40;

export function copyFragment(graph: WorkflowGraph, selected: Iterable<string>): GraphFragment | null {
  const ids = new Set<string>();
  for (const id of selected)
    if (graph.nodes.some((n) => n.id === id)) for (const d of withDescendants(graph, id)) ids.add(d);
  if (ids.size === 0) return null;
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const absolute: Record<string, XY> = {};
  for (const n of nodes) if (!n.parentId || !ids.has(n.parentId)) absolute[n.id] = absolutePosition(graph, n);
  return { nodes, edges, absolute };
}

/**
 * Pastes a fragment as new nodes: fresh ids from each old id's stem, the
 * references between the copies pointed at the copies, positions moved by
 * `times` offsets (so repeated pastes fan out instead of stacking). A root
 * copied out of a loop goes back into that loop if it is still there.
 */
export function pasteFragment(
  graph: WorkflowGraph,
  fragment: GraphFragment,
  times = 1,
): { graph: WorkflowGraph; ids: string[] } {
  const taken = new Set(graph.nodes.map((n) => n.id));
  const renames = new Map<string, string>();
  for (const n of fragment.nodes) {
    const id = nextNodeId(n.id, taken);
    taken.add(id);
    renames.set(n.id, id);
  }
  const loops = new Set(graph.nodes.filter((n) => n.type === "loop").map((n) => n.id));
  const shift = PASTE_OFFSET * times;
  const pasted = fragment.nodes.map((n) => {
    const id = renames.get(n.id)!;
    const root = fragment.absolute[n.id];
    const renamed = renameRefsInNode({ ...n, id }, renames);
    if (!root) return { ...renamed, parentId: renames.get(n.parentId!) };
    const staysInLoop = n.parentId !== undefined && loops.has(n.parentId);
    return staysInLoop
      ? { ...renamed, position: { x: n.position.x + shift, y: n.position.y + shift } }
      : { ...withoutParent(renamed), position: { x: root.x + shift, y: root.y + shift } };
  });
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const edges = fragment.edges.map((e) => {
    const source = renames.get(e.source)!;
    const target = renames.get(e.target)!;
    const id = nextEdgeId({ source, target, branch: e.branch }, edgeIds);
    edgeIds.add(id);
    return { ...e, id, source, target };
  });
  return {
    graph: { ...graph, nodes: [...graph.nodes, ...pasted], edges: [...graph.edges, ...edges] },
    ids: pasted.map((n) => n.id),
  };
}
