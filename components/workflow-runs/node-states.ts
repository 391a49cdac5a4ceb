import type { GraphIssue, NodeStates } from "@/components/workflows/lib/types";
import type { NodeRunState, WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import type { RunState, StepState, StepView } from "./run-types";

/**
 * From a run's step rows to what the canvas and the step list show. A node
 * outside loops has one row; a node in a loop body has one per element
 * (iterationKey "0", "1", … or "2.0" in nested loops), so its colour sums
 * up its elements. Pure, so it is tested without a browser.
 */

export const toNodeState = (state: StepState) => state.toLowerCase() as NodeRunState;

/** Types whose steps spend credits (their cost is shown on the node). */
const COSTED: ReadonlySet<WorkflowNode["type"]> = new Set(["agent", "subworkflow"]);

/** One state for several rows of a node: trouble first, then work in progress, then how it ended. */
export function combineStates(states: readonly NodeRunState[]): NodeRunState | null {
  if (states.length === 0) return null;
  const has = (s: NodeRunState) => states.includes(s);
  if (has("failed")) return "failed";
  if (has("running")) return "running";
  if (has("waiting")) return "waiting";
  if (has("pending")) return states.every((s) => s === "pending") ? "pending" : "running";
  if (has("succeeded")) return "succeeded";
  if (has("canceled")) return "canceled";
  return "skipped";
}

/** Rows by node id, loop elements in element order. */
export function stepsByNode(steps: readonly StepView[]): Map<string, StepView[]> {
  const map = new Map<string, StepView[]>();
  for (const step of steps) {
    const list = map.get(step.nodeId) ?? [];
    list.push(step);
    map.set(step.nodeId, list);
  }
  for (const list of map.values()) list.sort((a, b) => compareKeys(a.iterationKey, b.iterationKey));
  return map;
}

/** "2.10" after "2.9": keys compare as paths of numbers. */
export function compareKeys(a: string, b: string): number {
  const pa = a ? a.split(".").map(Number) : [];
  const pb = b ? b.split(".").map(Number) : [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** What a node that has no row yet shows: waiting its turn, or never reached once the run ended. */
const unreached = (runState: RunState): NodeRunState =>
  runState === "CANCELED"
    ? "canceled"
    : runState === "PENDING" || runState === "RUNNING" || runState === "WAITING"
      ? "pending"
      : "skipped";

export function nodeStateOf(
  graph: WorkflowGraph,
  byNode: ReadonlyMap<string, StepView[]>,
  runState: RunState,
  nodeId: string,
  seen: ReadonlySet<string> = new Set(),
): NodeRunState {
  const rows = byNode.get(nodeId) ?? [];
  const combined = combineStates(rows.map((r) => toNodeState(r.state)));
  if (combined === null) return unreached(runState);
  // A body node whose started elements all succeeded is not done while its loop still runs more.
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (combined === "succeeded" && node?.parentId && !seen.has(node.parentId)) {
    const loop = nodeStateOf(graph, byNode, runState, node.parentId, new Set([...seen, nodeId]));
    if (loop === "running") return "running";
  }
  return combined;
}

/** The canvas's nodeStates: every node's state, and the cost of the nodes that spend. */
export function nodeStatesOf(graph: WorkflowGraph, steps: readonly StepView[], runState: RunState): NodeStates {
  const byNode = stepsByNode(steps);
  const states: NodeStates = {};
  for (const node of graph.nodes) {
    const state = nodeStateOf(graph, byNode, runState, node.id);
    const cost = (byNode.get(node.id) ?? []).reduce((sum, row) => sum + row.costCredits, 0);
    states[node.id] = COSTED.has(node.type) ? { state, costCredits: cost } : { state };
  }
  return states;
}

/** A loop's element count: its items while it runs, its results once it succeeded. */
export function loopElementCount(data: unknown): number | null {
  if (Array.isArray(data)) return data.length;
  if (data && typeof data === "object" && "items" in data && Array.isArray(data.items)) return data.items.length;
  return null;
}

export interface LoopElement {
  index: number;
  /** The element's iteration key (what its body rows carry). */
  key: string;
  state: NodeRunState;
  costCredits: number;
}

/**
 * Each element of one loop row (key = the loop row's iterationKey): the state
 * its body's rows add up to, and their cost.
 */
export function loopElements(
  graph: WorkflowGraph,
  steps: readonly StepView[],
  loopRow: StepView,
  runState: RunState,
): LoopElement[] {
  const count = loopElementCount(loopRow.data);
  if (count === null) return [];
  const body = new Set(graph.nodes.filter((n) => n.parentId === loopRow.nodeId).map((n) => n.id));
  const prefix = loopRow.iterationKey ? `${loopRow.iterationKey}.` : "";
  const loopState = toNodeState(loopRow.state);
  return Array.from({ length: count }, (_, index) => {
    const key = `${prefix}${index}`;
    const rows = steps.filter((s) => body.has(s.nodeId) && s.iterationKey === key);
    const combined = combineStates(rows.map((r) => toNodeState(r.state)));
    const notStarted = loopState === "running" ? "pending" : unreached(runState);
    return {
      index,
      key,
      state: combined ?? notStarted,
      costCredits: rows.reduce((sum, r) => sum + r.costCredits, 0),
    };
  });
}

/** Failed steps' errors as canvas issues, so the node at fault carries a red badge with the message. */
export function runIssues(steps: readonly StepView[]): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const flagged = new Set<string>();
  for (const step of steps) {
    if (step.state !== "FAILED" || !step.error) continue;
    const nodeId = step.error.nodeId ?? step.nodeId;
    if (flagged.has(nodeId)) continue;
    flagged.add(nodeId);
    const { position, field } = step.error;
    issues.push({
      code: "run_error",
      severity: "error",
      message: step.error.message,
      nodeId,
      ...(field ? { field } : {}),
      ...(position ? { position: { line: position.line, column: position.column } } : {}),
    });
  }
  return issues;
}
