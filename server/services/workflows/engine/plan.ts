import "server-only";
import type { NodeRunState, WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";
import { isEnded, scheduleScope, type NodeStatus } from "./schedule";

/**
 * The whole run's next move, over every scope at once: the top level and each
 * element of every running loop (recursively), so one wave can hold nodes of
 * several branches and loop elements. Pure, like schedule.ts.
 *
 * Loops run their body inside this run rather than as child runs: element i
 * of a loop at iteration key K is the body's nodes at key "K.i" ("i" at the
 * top level), and its ready nodes join the same wave as everything else. So
 * each parallel element contributes single steps to a flat Promise.all (what
 * DBOS needs to replay), bodies may hold approvals, delays and retries (their
 * waits happen between waves, like any node's), and the body's outputs stay
 * addressable as steps.<id> with item/index, without copying the parent's
 * scope into a child run. At most `concurrency` elements are started and not
 * yet ended at once; elements start in order.
 */

export interface RowView {
  state: NodeRunState;
  output: string | null;
  data: unknown;
}

export interface NodeAt {
  nodeId: string;
  iterationKey: string;
}

export interface RunPlan {
  ready: NodeAt[];
  skip: NodeAt[];
  /** Not ended, no longer needed (join "first" losers, the rest of a failed loop). */
  cancel: NodeAt[];
  /** Nodes the plan itself fails (a join whose every branch failed, a loop whose element failed, a stuck scope). */
  fail: (NodeAt & { message: string })[];
  /** Loops whose every element succeeded: data is the list of the elements' results, in order. */
  complete: (NodeAt & { data: unknown[] })[];
  outcome: "running" | "succeeded" | "failed";
  /** The deepest failed node behind a failed outcome (its error is the run's). */
  cause: NodeAt | null;
  /** Started and not ended (running or waiting) rows, in every scope. */
  inProgress: NodeAt[];
}

export const rowKey = (nodeId: string, iterationKey: string) => `${nodeId}@${iterationKey}`;
export const childKey = (parentKey: string, index: number) => (parentKey ? `${parentKey}.${index}` : String(index));

/** A loop row's data while it runs: the items it evaluated once, at its start. */
export function loopItems(data: unknown): unknown[] | null {
  if (data && typeof data === "object" && "items" in data && Array.isArray(data.items)) return data.items as unknown[];
  return null;
}

export function planRun(graph: WorkflowGraph, rows: ReadonlyMap<string, RowView>): RunPlan {
  const plan: RunPlan = {
    ready: [],
    skip: [],
    cancel: [],
    fail: [],
    complete: [],
    outcome: "running",
    cause: null,
    inProgress: [],
  };
  const top = planScope(graph, undefined, "", rows, plan);
  plan.outcome = top.outcome;
  plan.cause = top.cause;
  return plan;
}

interface ScopeResult {
  outcome: "running" | "succeeded" | "failed";
  cause: NodeAt | null;
  /** Any row of the scope has left pending. */
  started: boolean;
}

function planScope(
  graph: WorkflowGraph,
  parentId: string | undefined,
  key: string,
  rows: ReadonlyMap<string, RowView>,
  plan: RunPlan,
): ScopeResult {
  const nodes = graph.nodes.filter((n) => n.parentId === parentId);
  const at = (nodeId: string): NodeAt => ({ nodeId, iterationKey: key });
  const statuses = new Map<string, NodeStatus>();
  let started = false;
  for (const node of nodes) {
    const row = rows.get(rowKey(node.id, key));
    const state = row?.state ?? "pending";
    if (state !== "pending") started = true;
    statuses.set(node.id, { state, branch: node.type === "condition" ? branchOf(row?.data) : null });
    if (state === "running" || state === "waiting") plan.inProgress.push(at(node.id));
  }
  const loopCauses = new Map<string, NodeAt | null>();
  // Running loops first: their end changes this scope's wave.
  for (const loop of nodes) {
    if (loop.type !== "loop" || statuses.get(loop.id)!.state !== "running") continue;
    const result = planLoop(graph, loop, key, rows, plan);
    if (result.kind === "succeeded") {
      statuses.set(loop.id, { state: "succeeded" });
      plan.complete.push({ ...at(loop.id), data: result.data });
    } else if (result.kind === "failed") {
      statuses.set(loop.id, { state: "failed" });
      plan.fail.push({ ...at(loop.id), message: result.message });
      loopCauses.set(loop.id, result.cause);
    }
  }
  const wave = scheduleScope({ nodes, edges: graph.edges }, statuses);
  plan.ready.push(...wave.ready.map(at));
  plan.skip.push(...wave.skip.map(at));
  plan.cancel.push(...wave.cancel.map(at));
  for (const failed of wave.fail) plan.fail.push({ ...at(failed.nodeId), message: failed.message });
  if (wave.stuckNodeIds.length) {
    const names = wave.stuckNodeIds.join(", ");
    for (const id of wave.stuckNodeIds)
      plan.fail.push({ ...at(id), message: `These steps wait on each other and can never run: ${names}.` });
  }
  if (wave.outcome === "failed") {
    const first = wave.failedNodeIds[0] ?? wave.stuckNodeIds[0]!;
    // A loop's failure has a deeper cause: the body node that failed.
    const cause = loopCauses.get(first) ?? failedInside(graph, first, key, rows) ?? at(first);
    return { outcome: "failed", cause, started: true };
  }
  return { outcome: wave.outcome, cause: null, started };
}

type LoopResult =
  | { kind: "running" }
  | { kind: "succeeded"; data: unknown[] }
  | { kind: "failed"; message: string; cause: NodeAt | null };

function planLoop(
  graph: WorkflowGraph,
  loop: Extract<WorkflowNode, { type: "loop" }>,
  key: string,
  rows: ReadonlyMap<string, RowView>,
  plan: RunPlan,
): LoopResult {
  const items = loopItems(rows.get(rowKey(loop.id, key))?.data) ?? [];
  const results: unknown[] = [];
  const adopted: RunPlan[] = [];
  const candidates: RunPlan[] = [];
  let failed: { index: number; cause: NodeAt | null } | null = null;
  let active = 0;
  // Each element is planned on its own first; only elements that started, or
  // start now within the concurrency limit, contribute to the run's plan.
  for (let index = 0; index < items.length; index++) {
    const own = emptyPlan();
    const result = planScope(graph, loop.id, childKey(key, index), rows, own);
    if (result.outcome === "succeeded") results.push(elementResult(graph, loop.id, childKey(key, index), rows));
    else if (result.outcome === "failed") failed ??= { index, cause: result.cause };
    if (result.started || result.outcome !== "running") adopted.push(own);
    else candidates.push(own);
    if (result.started && result.outcome === "running") active++;
  }
  if (failed) {
    // The loop fails; whatever its elements still do is wasted.
    for (const own of adopted) merge(plan, { ...own, ready: [], cancel: [...own.cancel, ...own.inProgress] });
    const where = failed.cause ? ` at step "${failed.cause.nodeId}"` : "";
    return { kind: "failed", message: `Element ${failed.index} of the loop failed${where}.`, cause: failed.cause };
  }
  for (const own of adopted) merge(plan, own);
  if (results.length === items.length) return { kind: "succeeded", data: results };
  for (const own of candidates) {
    if (active >= loop.config.concurrency) break;
    merge(plan, own);
    active++;
  }
  return { kind: "running" };
}

function merge(into: RunPlan, from: RunPlan): void {
  into.ready.push(...from.ready);
  into.skip.push(...from.skip);
  into.cancel.push(...from.cancel);
  into.fail.push(...from.fail);
  into.complete.push(...from.complete);
  into.inProgress.push(...from.inProgress);
}

const emptyPlan = (): RunPlan => ({
  ready: [],
  skip: [],
  cancel: [],
  fail: [],
  complete: [],
  outcome: "running",
  cause: null,
  inProgress: [],
});

/**
 * An element's result: its output node's (the first one that succeeded, in
 * canvas order), else its last sink's (a body node with no out-edge inside
 * the body) that succeeded: the JSON data when there is some, else the text.
 */
function elementResult(graph: WorkflowGraph, loopId: string, key: string, rows: ReadonlyMap<string, RowView>): unknown {
  const body = graph.nodes.filter((n) => n.parentId === loopId);
  const ids = new Set(body.map((n) => n.id));
  const isSink = (n: WorkflowNode) => !graph.edges.some((e) => e.source === n.id && ids.has(e.target));
  const succeeded = (n: WorkflowNode) => rows.get(rowKey(n.id, key))?.state === "succeeded";
  const outputs = body.filter((n) => n.type === "output" && succeeded(n));
  const chosen = outputs[0] ?? body.filter((n) => isSink(n) && succeeded(n)).at(-1);
  const row = chosen ? rows.get(rowKey(chosen.id, key)) : undefined;
  if (!row) return null;
  return row.data ?? row.output;
}

/** The first failed body row of a loop that already failed (elements in order, nested loops followed down). */
function failedInside(
  graph: WorkflowGraph,
  loopId: string,
  key: string,
  rows: ReadonlyMap<string, RowView>,
): NodeAt | null {
  const body = graph.nodes.filter((n) => n.parentId === loopId);
  if (!body.length) return null;
  const prefix = key ? `${key}.` : "";
  const indexes = new Set<number>();
  for (const rowId of rows.keys()) {
    const [nodeId, iterationKey = ""] = rowId.split("@");
    const rest = iterationKey.startsWith(prefix) ? iterationKey.slice(prefix.length) : null;
    if (rest !== null && /^\d+$/.test(rest) && body.some((n) => n.id === nodeId)) indexes.add(Number(rest));
  }
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const element = childKey(key, index);
    for (const node of body) {
      if (rows.get(rowKey(node.id, element))?.state !== "failed") continue;
      return (
        (node.type === "loop" ? failedInside(graph, node.id, element, rows) : null) ?? {
          nodeId: node.id,
          iterationKey: element,
        }
      );
    }
  }
  return null;
}

function branchOf(data: unknown): "true" | "false" | null {
  return data === true ? "true" : data === false ? "false" : null;
}

export { isEnded };
