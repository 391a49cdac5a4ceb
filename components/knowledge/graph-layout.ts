/**
 * A radial tree layout of an entity's neighbourhood: the centre in the
 * middle, each hop on its own ring, and every node inside the wedge of the
 * node it was reached from (breadth first), its wedge's width proportional
 * to how many nodes hang below it. Branches stay apart and few edges
 * cross. Pure, so it is unit tested.
 */
export interface LayoutNode {
  id: string;
  depth: number;
}

export interface LayoutEdge {
  fromId: string;
  toId: string;
}

export const RING_GAP = 200;

export function radialLayout(
  centreId: string,
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Map<string, { x: number; y: number }> {
  const neighbours = new Map<string, string[]>();
  for (const { fromId, toId } of edges) {
    neighbours.set(fromId, [...(neighbours.get(fromId) ?? []), toId]);
    neighbours.set(toId, [...(neighbours.get(toId) ?? []), fromId]);
  }
  const known = new Set(nodes.map((n) => n.id));
  // The breadth-first tree: each node's parent is the first node that reached it.
  const children = new Map<string, string[]>();
  const depth = new Map([[centreId, 0]]);
  const queue = [centreId];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const next of [...(neighbours.get(id) ?? [])].sort())
      if (known.has(next) && !depth.has(next)) {
        depth.set(next, depth.get(id)! + 1);
        children.set(id, [...(children.get(id) ?? []), next]);
        queue.push(next);
      }
  }
  // Nodes no edge here reaches (the walk's node cap cut their path) hang off the centre.
  for (const n of nodes)
    if (!depth.has(n.id)) {
      depth.set(n.id, 1);
      children.set(centreId, [...(children.get(centreId) ?? []), n.id]);
    }
  const weight = new Map<string, number>();
  const weigh = (id: string): number => {
    const own = (children.get(id) ?? []).reduce((sum, child) => sum + weigh(child), 0);
    weight.set(id, Math.max(1, own));
    return weight.get(id)!;
  };
  weigh(centreId);

  const placed = new Map<string, { x: number; y: number }>([[centreId, { x: 0, y: 0 }]]);
  const place = (id: string, from: number, to: number) => {
    const kids = children.get(id) ?? [];
    const total = kids.reduce((sum, kid) => sum + weight.get(kid)!, 0);
    let start = from;
    for (const kid of kids) {
      const span = ((to - from) * weight.get(kid)!) / total;
      const angle = start + span / 2;
      const radius = depth.get(kid)! * RING_GAP;
      placed.set(kid, { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) });
      place(kid, start, start + span);
      start += span;
    }
  };
  // From the top, clockwise.
  place(centreId, -Math.PI / 2, (3 * Math.PI) / 2);
  return placed;
}
