import "server-only";
import type { NodeRunState, WorkflowEdge, WorkflowNode } from "../../../schemas/workflow-graph";

/**
 * The scheduler: given one scope of a graph (the top level, or one element of
 * a loop's body) and what its nodes ended as so far, says what happens next.
 * Pure, so every rule below has a unit test (tests/unit/workflows/
 * engine-schedule.test.ts) and the engine only applies its answer.
 *
 * Rules:
 * - An edge is *taken* when its source succeeded (a condition's out-edge only
 *   when its branch is the one the condition chose), *dead* when its source
 *   was skipped, canceled or failed, or is the untaken branch, and *pending*
 *   while its source has not ended.
 * - A node with no in-edge in the scope is a root: ready at once.
 * - Any other node waits until none of its in-edges is pending; then it is
 *   ready if one of them is taken, else skipped. A node reached from both
 *   branches of a condition therefore runs (a merge), and a join "all" is
 *   exactly this rule: it waits for every branch that was not skipped.
 * - A join "first" is ready as soon as one in-edge is taken. From then on its
 *   *feeders* (nodes all of whose out-edges lead into the join, directly or
 *   through other feeders) that have not ended are canceled: the losers of the
 *   race. A feeder's failure is part of the race and does not fail the scope;
 *   if every in-edge ends dead and a feeder failed, the join itself fails.
 * - Any other failed node fails the scope: nothing new is started, skipped
 *   or canceled (a join "first" that fails is still reported in `fail`).
 * - The scope succeeded when every node ended without such a failure. A scope
 *   where nothing is ready or in progress but nodes are still pending cannot
 *   move (a cycle outside a loop): it fails, naming those nodes.
 */

export interface NodeStatus {
  state: NodeRunState;
  /** The branch a succeeded condition chose. */
  branch?: "true" | "false" | null;
}

export interface ScopeGraph {
  nodes: readonly WorkflowNode[];
  edges: readonly WorkflowEdge[];
}

export interface Wave {
  /** Pending nodes to run now, in canvas order. */
  ready: string[];
  /** Pending nodes that will never run (their every in-edge is dead). */
  skip: string[];
  /** Nodes not yet ended whose work no longer matters: losers of a join "first". */
  cancel: string[];
  /** Joins "first" whose every branch ended without success, one of them failed. */
  fail: { nodeId: string; message: string }[];
  outcome: "running" | "succeeded" | "failed";
  /** The failed nodes that fail the scope (with outcome "failed"). */
  failedNodeIds: string[];
  /** Pending nodes that can never become ready (outcome "failed"). */
  stuckNodeIds: string[];
}

type EdgeStatus = "pending" | "taken" | "dead";

const ENDED: readonly NodeRunState[] = ["succeeded", "failed", "skipped", "canceled"];
export const isEnded = (state: NodeRunState) => ENDED.includes(state);

export function scheduleScope(scope: ScopeGraph, statuses: ReadonlyMap<string, NodeStatus>): Wave {
  const ids = new Set(scope.nodes.map((n) => n.id));
  const edges = scope.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const inEdges = groupBy(edges, (e) => e.target);
  const outEdges = groupBy(edges, (e) => e.source);
  const byId = new Map(scope.nodes.map((n) => [n.id, n]));
  const state = new Map(scope.nodes.map((n) => [n.id, statuses.get(n.id)?.state ?? "pending"]));
  const firstJoins = scope.nodes.filter((n) => n.type === "join" && n.config.wait === "first").map((n) => n.id);
  const feeders = new Map(firstJoins.map((j) => [j, feedersOf(j, scope.nodes, outEdges)]));
  const racing = new Set([...feeders.values()].flat());

  const edgeStatus = (edge: WorkflowEdge): EdgeStatus => {
    const source = state.get(edge.source)!;
    if (!isEnded(source)) return "pending";
    if (source !== "succeeded") return "dead";
    if (byId.get(edge.source)!.type !== "condition" || edge.branch === undefined) return "taken";
    return statuses.get(edge.source)?.branch === edge.branch ? "taken" : "dead";
  };
  /** What a pending node's in-edges say: run, skip, fail, or wait. */
  const verdict = (id: string): "ready" | "skip" | "fail" | "wait" => {
    const ins = (inEdges.get(id) ?? []).map(edgeStatus);
    if (ins.length === 0) return "ready";
    const node = byId.get(id)!;
    if (node.type === "join" && node.config.wait === "first") {
      if (ins.includes("taken")) return "ready";
      if (ins.includes("pending")) return "wait";
      return feeders.get(id)!.some((f) => state.get(f) === "failed") ? "fail" : "skip";
    }
    if (ins.includes("pending")) return "wait";
    return ins.includes("taken") ? "ready" : "skip";
  };

  const skip: string[] = [];
  const cancel: string[] = [];
  const fail: Wave["fail"] = [];
  // Skips, cancels and failed joins cascade: apply them to a working copy of
  // the states until nothing changes. Readiness is not applied (nothing ran).
  for (let changed = true; changed;) {
    changed = false;
    for (const join of firstJoins) {
      if (!(inEdges.get(join) ?? []).some((e) => edgeStatus(e) === "taken")) continue;
      for (const loser of feeders.get(join)!) {
        if (isEnded(state.get(loser)!)) continue;
        state.set(loser, "canceled");
        cancel.push(loser);
        changed = true;
      }
    }
    for (const node of scope.nodes) {
      if (state.get(node.id) !== "pending") continue;
      const next = verdict(node.id);
      if (next === "skip") {
        state.set(node.id, "skipped");
        skip.push(node.id);
        changed = true;
      } else if (next === "fail") {
        state.set(node.id, "failed");
        fail.push({ nodeId: node.id, message: "Every branch into this join ended, and none succeeded." });
        changed = true;
      }
    }
  }

  const failedNodeIds = scope.nodes.filter((n) => state.get(n.id) === "failed" && !racing.has(n.id)).map((n) => n.id);
  const pending = scope.nodes.filter((n) => state.get(n.id) === "pending").map((n) => n.id);
  // A failed scope changes nothing more: its pending nodes stay as they are.
  if (failedNodeIds.length) {
    return { ready: [], skip: [], cancel: [], fail, outcome: "failed", failedNodeIds, stuckNodeIds: [] };
  }
  const ready = pending.filter((id) => verdict(id) === "ready");
  const inProgress = scope.nodes.some((n) => !isEnded(state.get(n.id)!) && state.get(n.id) !== "pending");
  const stuckNodeIds = !ready.length && !inProgress ? pending : [];
  const outcome: Wave["outcome"] = stuckNodeIds.length
    ? "failed"
    : scope.nodes.every((n) => isEnded(state.get(n.id)!))
      ? "succeeded"
      : "running";
  return { ready, skip, cancel, fail, outcome, failedNodeIds, stuckNodeIds };
}

/**
 * The nodes whose every out-edge leads into `join`, directly or through other
 * such nodes: once the join has its winner, their work is wasted. A node with
 * no out-edge (an output, say) is never one: its effect is its own.
 */
function feedersOf(
  join: string,
  nodes: readonly WorkflowNode[],
  outEdges: ReadonlyMap<string, WorkflowEdge[]>,
): string[] {
  const found = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const node of nodes) {
      if (node.id === join || found.has(node.id)) continue;
      const outs = outEdges.get(node.id) ?? [];
      if (outs.length && outs.every((e) => e.target === join || found.has(e.target))) {
        found.add(node.id);
        grew = true;
      }
    }
  }
  return nodes.filter((n) => found.has(n.id)).map((n) => n.id);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
