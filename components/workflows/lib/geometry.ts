import type { WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";

/**
 * Node boxes on the canvas. Step nodes have one fixed size (so layout, drop
 * targets and the loop boxes can be computed without measuring the DOM); a
 * loop's box is computed from its body, since the graph stores no sizes.
 */
export const NODE_WIDTH = 240;
export const NODE_HEIGHT = 76;
export const LOOP_PADDING = 24;
export const LOOP_HEADER = 64;
export const LOOP_MIN = { width: 360, height: 200 };

export type XY = { x: number; y: number };
export type Size = { width: number; height: number };
export type Rect = XY & Size;

export function childrenOf(graph: WorkflowGraph, parentId: string): WorkflowNode[] {
  return graph.nodes.filter((n) => n.parentId === parentId);
}

/** The node's box size: fixed for steps, grown around the body for loops. */
export function nodeSize(graph: WorkflowGraph, node: WorkflowNode, seen = new Set<string>()): Size {
  if (node.type !== "loop" || seen.has(node.id)) return { width: NODE_WIDTH, height: NODE_HEIGHT };
  seen.add(node.id);
  let width = LOOP_MIN.width;
  let height = LOOP_MIN.height;
  for (const child of childrenOf(graph, node.id)) {
    const size = nodeSize(graph, child, seen);
    width = Math.max(width, child.position.x + size.width + LOOP_PADDING);
    height = Math.max(height, child.position.y + size.height + LOOP_PADDING);
  }
  return { width, height };
}

/** Canvas position of a node, adding up its loop parents' positions. */
export function absolutePosition(graph: WorkflowGraph, node: WorkflowNode): XY {
  let { x, y } = node.position;
  const seen = new Set([node.id]);
  let parentId = node.parentId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = graph.nodes.find((n) => n.id === parentId);
    if (!parent) break;
    x += parent.position.x;
    y += parent.position.y;
    parentId = parent.parentId;
  }
  return { x, y };
}

export function absoluteRect(graph: WorkflowGraph, node: WorkflowNode): Rect {
  return { ...absolutePosition(graph, node), ...nodeSize(graph, node) };
}

const contains = (r: Rect, p: XY) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The innermost loop whose box holds `point`, skipping `exclude` (the moved nodes themselves). */
export function loopAt(graph: WorkflowGraph, point: XY, exclude: ReadonlySet<string> = new Set()): WorkflowNode | null {
  let best: { node: WorkflowNode; area: number } | null = null;
  for (const node of graph.nodes) {
    if (node.type !== "loop" || exclude.has(node.id)) continue;
    const rect = absoluteRect(graph, node);
    if (!contains(rect, point)) continue;
    const area = rect.width * rect.height;
    if (!best || area < best.area) best = { node, area };
  }
  return best?.node ?? null;
}

/** A body node's position, kept clear of the loop's header and edges. */
export function clampIntoLoop(position: XY): XY {
  return { x: Math.max(LOOP_PADDING, position.x), y: Math.max(LOOP_HEADER, position.y) };
}
