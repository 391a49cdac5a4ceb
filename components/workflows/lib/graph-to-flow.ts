import type { Edge, Node } from "@xyflow/react";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { nodeSize, type XY } from "./geometry";
import { issuesByNode } from "./issues";
import { summarizeNode, type SummaryContext } from "./node-summary";
import type { GraphIssue, NodeStates, StepNodeData } from "./types";

/**
 * Two xyflow node types: "loop" (a group) and "step" (every other node type,
 * told apart by data.node.type). Not the graph's own type names: xyflow's
 * stylesheet styles its built-in "output" and "group" nodes by class name,
 * and those rules would land on ours.
 */
export type FlowNode = Node<StepNodeData, "step" | "loop">;
export type FlowEdgeData = {
  branch: WorkflowEdge["branch"] | null;
  issue: GraphIssue["severity"] | null;
  /** The edge leads into a node that is running now. */
  active: boolean;
};
export type FlowEdge = Edge<FlowEdgeData, "workflow">;

export type FlowDecorations = SummaryContext & {
  issues?: readonly GraphIssue[];
  nodeStates?: NodeStates;
  readOnly?: boolean;
};

export type FlowSelection = { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
const NODE_FOCUS =
  "rounded-xl outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";
const NODE_FOCUS_LOOP = NODE_FOCUS.replace("rounded-xl", "rounded-2xl");
const NONE: FlowSelection = { nodes: new Set(), edges: new Set() };

/** How many loops a node is nested in; xyflow wants parents listed before their children. */
function depth(byId: Map<string, WorkflowNode>, node: WorkflowNode): number {
  let d = 0;
  const seen = new Set<string>();
  for (let p = node.parentId; p && !seen.has(p) && byId.has(p); p = byId.get(p)!.parentId) {
    seen.add(p);
    d++;
  }
  return d;
}

/**
 * The graph as xyflow nodes and edges: a node component per type, loop
 * bodies as children of their loop (`parentId`, positions relative to it),
 * condition edges leaving by their branch's handle, and each node's issues,
 * run state and summary in its data.
 */
export function graphToFlow(
  graph: WorkflowGraph,
  deco: FlowDecorations = {},
  selection: FlowSelection = NONE,
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const issues = issuesByNode(deco.issues ?? []);
  const ordered = graph.nodes
    .map((node, index) => ({ node, index, depth: depth(byId, node) }))
    .sort((a, b) => a.depth - b.depth || a.index - b.index);
  const nodes = ordered.map(({ node }): FlowNode => {
    const size = nodeSize(graph, node);
    return {
      id: node.id,
      type: node.type === "loop" ? "loop" : "step",
      position: node.position,
      ...(node.parentId && byId.has(node.parentId) ? { parentId: node.parentId } : {}),
      width: size.width,
      height: size.height,
      // The wrapper is focusable; the browser's square focus ring would not follow the card's corners.
      className: node.type === "loop" ? NODE_FOCUS_LOOP : NODE_FOCUS,
      selected: selection.nodes.has(node.id),
      draggable: !deco.readOnly,
      connectable: !deco.readOnly,
      data: {
        node,
        summary: summarizeNode(node, deco),
        issues: issues.get(node.id) ?? [],
        run: deco.nodeStates?.[node.id] ?? null,
        bodyCount: node.type === "loop" ? graph.nodes.filter((n) => n.parentId === node.id).length : 0,
      },
    };
  });
  const edgeIssue = new Map<string, GraphIssue["severity"]>();
  for (const i of deco.issues ?? [])
    if (i.edgeId && edgeIssue.get(i.edgeId) !== "error") edgeIssue.set(i.edgeId, i.severity);
  const edges = graph.edges.map((e): FlowEdge => ({
    id: e.id,
    type: "workflow",
    source: e.source,
    target: e.target,
    sourceHandle: e.branch ?? null,
    selected: selection.edges.has(e.id),
    data: {
      branch: e.branch ?? null,
      issue: edgeIssue.get(e.id) ?? null,
      active: deco.nodeStates?.[e.target]?.state === "running",
    },
  }));
  return { nodes, edges };
}

/** The positions xyflow holds, keyed by node id (relative to each node's loop, like the graph's). */
export function flowPositions(nodes: readonly Pick<FlowNode, "id" | "position">[]): Map<string, XY> {
  return new Map(nodes.map((n) => [n.id, n.position]));
}
