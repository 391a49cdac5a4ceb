import {
  NODE_ID_PATTERN,
  type WorkflowEdge,
  type WorkflowGraph,
  type WorkflowNode,
  type WorkflowNodeType,
} from "@/server/schemas/workflow-graph";
import { absolutePosition, clampIntoLoop, loopAt, NODE_HEIGHT, NODE_WIDTH, type XY } from "./geometry";
import { withDescendants } from "./graph-move";
import { nextEdgeId, nextNodeId } from "./ids";
import { canJoinLoop, createNode, type NodeDefaultsContext } from "./node-catalog";
import { renameRefsInNode } from "./references";

export const nodeIds = (graph: WorkflowGraph) => new Set(graph.nodes.map((n) => n.id));

/**
 * Adds a node of `type` with its top-left corner at `at` (canvas coordinates);
 * when its centre lands inside a loop, it joins the loop's body. Null when the type cannot
 * be created here (no listing to call, no other workflow).
 */
export function addNode(
  graph: WorkflowGraph,
  type: WorkflowNodeType,
  at: XY,
  ctx: NodeDefaultsContext,
): { graph: WorkflowGraph; id: string } | null {
  const id = nextNodeId(type, nodeIds(graph));
  const center = { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 };
  const loop = canJoinLoop(type) ? loopAt(graph, center) : null;
  const position = loop ? clampIntoLoop(minus(at, absolutePosition(graph, loop))) : at;
  const node = createNode(type, id, position, ctx);
  if (!node) return null;
  return { graph: { ...graph, nodes: [...graph.nodes, loop ? { ...node, parentId: loop.id } : node] }, id };
}

const minus = (a: XY, b: XY): XY => ({ x: a.x - b.x, y: a.y - b.y });

/** Removes nodes (a loop takes its body along), their edges, and the given edges. */
export function removeElements(
  graph: WorkflowGraph,
  nodeIdsToRemove: Iterable<string>,
  edgeIds: Iterable<string> = [],
): WorkflowGraph {
  const gone = new Set<string>();
  for (const id of nodeIdsToRemove) for (const d of withDescendants(graph, id)) gone.add(d);
  const goneEdges = new Set(edgeIds);
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !goneEdges.has(e.id) && !gone.has(e.source) && !gone.has(e.target)),
  };
}

export type ConnectRequest = { source: string; target: string; sourceHandle?: string | null };

/**
 * Why a connection is refused, or null when it may be made: no self-loops,
 * nothing into a trigger or out of an output, both ends in the same loop body
 * (or both outside), no duplicate, and a condition's edge leaves by a branch.
 */
export function connectionError(graph: WorkflowGraph, c: ConnectRequest): string | null {
  const source = graph.nodes.find((n) => n.id === c.source);
  const target = graph.nodes.find((n) => n.id === c.target);
  if (!source || !target) return "Both ends must be steps on the canvas.";
  if (source.id === target.id) return "A step cannot lead to itself.";
  if (target.type === "trigger") return "Nothing leads into a trigger.";
  if (source.type === "output") return "An output ends the run.";
  if (source.parentId !== target.parentId) return "Connect steps inside the same loop, or outside any loop.";
  const branch = branchOf(source, c.sourceHandle);
  if (source.type === "condition" && !branch) return "Leave a condition by its true or false handle.";
  const duplicate = graph.edges.some((e) => e.source === c.source && e.target === c.target && e.branch === branch);
  return duplicate ? "These steps are already connected." : null;
}

function branchOf(source: WorkflowNode, handle: string | null | undefined): WorkflowEdge["branch"] {
  if (source.type !== "condition") return undefined;
  return handle === "true" || handle === "false" ? handle : undefined;
}

/** The graph with the connection added, or null when connectionError refuses it. */
export function connect(graph: WorkflowGraph, c: ConnectRequest): WorkflowGraph | null {
  if (connectionError(graph, c)) return null;
  const source = graph.nodes.find((n) => n.id === c.source)!;
  const branch = branchOf(source, c.sourceHandle);
  const id = nextEdgeId({ source: c.source, target: c.target, branch }, new Set(graph.edges.map((e) => e.id)));
  const edge: WorkflowEdge = branch
    ? { id, source: c.source, target: c.target, branch }
    : { id, source: c.source, target: c.target };
  return { ...graph, edges: [...graph.edges, edge] };
}

/** Replaces the node with the same id (the inspector's edits). */
export function replaceNode(graph: WorkflowGraph, node: WorkflowNode): WorkflowGraph {
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === node.id ? node : n)) };
}

/**
 * Gives a node a new id, and follows it everywhere the id is named: edges,
 * loop bodies' parentId and `steps.<id>` in every template and expression.
 */
export function renameNodeId(graph: WorkflowGraph, from: string, to: string): WorkflowGraph {
  if (from === to) return graph;
  if (!NODE_ID_PATTERN.test(to)) throw new Error(`"${to}" is not a node id.`);
  if (graph.nodes.some((n) => n.id === to)) throw new Error(`Another step already has the id "${to}".`);
  const renames = new Map([[from, to]]);
  const nodes = graph.nodes.map((n) => {
    const moved = n.id === from ? { ...n, id: to } : n;
    const reparented = moved.parentId === from ? { ...moved, parentId: to } : moved;
    return renameRefsInNode(reparented, renames);
  });
  const edges = graph.edges.map((e) =>
    e.source === from || e.target === from
      ? { ...e, source: e.source === from ? to : e.source, target: e.target === from ? to : e.target }
      : e,
  );
  return { ...graph, nodes, edges };
}
