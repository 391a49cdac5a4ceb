import "server-only";
import type { WorkflowRunState } from "../../../generated/prisma/enums";
import { cancelNode } from "./cancel-node";
import { finishRun } from "./finish-run";
import { retryDueAt } from "./nodes/agent-attempt";
import { resolveApproval, type WaitOutcome } from "./nodes/approval-outcome";
import { delayUntil } from "./nodes/delay";
import { resolveChild } from "./nodes/subworkflow";
import { planRun, rowKey, type NodeAt, type RunPlan } from "./plan";
import { isFinalRun, loadRun, nodeOf, type RunContext } from "./run-context";
import { setRunState } from "./run-state";
import { loadSteps, rowViews, writeStep, type StepRow, OPEN } from "./step-rows";

/** What the run function does next. */
export type RoundPlan =
  | { kind: "run"; ready: NodeAt[] }
  | { kind: "wait"; ms: number; wake: boolean }
  | { kind: "finish"; state: WorkflowRunState };

/**
 * How long a run waiting on people or child runs waits for a wake before it
 * re-reads anyway, by how many waits in a row found nothing new: a decision
 * sent in the moment before the wait began is caught within a second, and a
 * long wait costs a handful of steps (Inngest caps a run's steps), not one a
 * minute. The workflow sweep re-sends wakes that were lost.
 */
const POLL_MS = [1_000, 5_000, 30_000, 300_000, 1_800_000, 6 * 3_600_000];

/**
 * One planning step between waves: applies what happened while the run
 * waited (delays due, retries due, approvals decided or past their deadline,
 * child runs ended), then the planner's answer (skips, a join's losers, loop
 * ends, failures), and says what comes next: a wave of ready nodes, a
 * durable wait, or the end (which it records, with the run's output or error).
 */
export async function planRound(runId: string, idleRounds: number, now = new Date()): Promise<RoundPlan> {
  const run = await loadRun(runId);
  if (!run) return { kind: "finish", state: "CANCELED" };
  if (isFinalRun(run.state)) return { kind: "finish", state: await finishRun(run, { state: run.state }) };
  if (run.cancelRequestedAt) return { kind: "finish", state: await finishRun(run, { state: "CANCELED" }) };

  const waits = await resolveWaits(run, await loadSteps(runId), now);
  let rows = await loadSteps(runId);
  let plan = planRun(run.graph, rowViews(rows));
  for (let pass = 0; pass < 10 && (await applyPlan(run, plan, rows)); pass++) {
    rows = await loadSteps(runId);
    plan = planRun(run.graph, rowViews(rows));
  }

  if (plan.outcome === "failed") {
    const cause = plan.cause
      ? rows.find((r) => r.nodeId === plan.cause!.nodeId && r.iterationKey === plan.cause!.iterationKey)
      : null;
    const error = causeError(plan, cause ?? null);
    for (const at of plan.inProgress)
      await cancelNode(run, at, rows, { to: "FAILED", message: `Stopped: step "${error.nodeId}" failed.` });
    return { kind: "finish", state: await finishRun(run, { state: "FAILED", error }) };
  }
  if (plan.outcome === "succeeded") {
    return { kind: "finish", state: await finishRun(run, { state: "SUCCEEDED", output: runOutput(run, rows) }) };
  }

  const byKey = new Map(rows.map((r) => [rowKey(r.nodeId, r.iterationKey), r]));
  // Due retries, and an agent attempt left RUNNING without a step (its step is
  // resumed: it finds its task by message id) join the wave.
  const ready = [...plan.ready];
  for (const at of [...waits.due, ...plan.inProgress]) {
    const row = byKey.get(rowKey(at.nodeId, at.iterationKey));
    const resume = row?.state === "RUNNING" && nodeOf(run, at.nodeId).type === "agent";
    const due = waits.due.some((d) => d.nodeId === at.nodeId && d.iterationKey === at.iterationKey);
    if ((resume || due) && !ready.some((r) => r.nodeId === at.nodeId && r.iterationKey === at.iterationKey))
      ready.push(at);
  }
  if (ready.length) {
    await setRunState(run.id, { to: "RUNNING", from: ["PENDING", "WAITING"] });
    return { kind: "run", ready };
  }
  await setRunState(run.id, { to: "WAITING", from: ["PENDING", "RUNNING"] });
  const nextTimer = waits.timers.length ? Math.min(...waits.timers.map((t) => t.getTime())) : null;
  const untilTimer = nextTimer === null ? Infinity : Math.max(0, nextTimer - now.getTime());
  if (!waits.wake)
    return { kind: "wait", ms: Math.max(10, untilTimer === Infinity ? POLL_MS.at(-1)! : untilTimer), wake: false };
  const poll = POLL_MS[Math.min(idleRounds, POLL_MS.length - 1)]!;
  return { kind: "wait", ms: Math.max(10, Math.min(untilTimer, poll)), wake: true };
}

interface Waits {
  /** Agent rows whose next attempt is due. */
  due: NodeAt[];
  /** When something waited on falls due (a delay's end, a retry, a deadline). */
  timers: Date[];
  /** Something waits on an event (a decision, a child run). */
  wake: boolean;
}

async function resolveWaits(run: RunContext, rows: readonly StepRow[], now: Date): Promise<Waits> {
  const waits: Waits = { due: [], timers: [], wake: false };
  for (const row of rows) {
    if (row.state !== "WAITING") continue;
    const node = run.graph.nodes.find((n) => n.id === row.nodeId);
    const at = { nodeId: row.nodeId, iterationKey: row.iterationKey };
    let outcome: WaitOutcome = { kind: "rerun" };
    if (node?.type === "delay") {
      const until = delayUntil(row.data);
      if (until && until > now) outcome = { kind: "waiting", until };
      else {
        await writeStep(run, at, { to: "SUCCEEDED", from: ["WAITING"] });
        outcome = { kind: "ended" };
      }
    } else if (node?.type === "agent") {
      const retryAt = retryDueAt(row.state, row.data);
      if (retryAt && retryAt > now) outcome = { kind: "waiting", until: retryAt };
    } else if (node?.type === "approval") {
      outcome = await resolveApproval(run, row, now);
      if (outcome.kind === "waiting") waits.wake = true;
    } else if (node?.type === "subworkflow") {
      outcome = await resolveChild(run, row);
      if (outcome.kind === "waiting") waits.wake = true;
    }
    if (outcome.kind === "waiting" && outcome.until) waits.timers.push(outcome.until);
    if (outcome.kind === "rerun") waits.due.push(at);
  }
  return waits;
}

/** Writes what the plan decided; true when anything changed (so the plan is made again). */
async function applyPlan(run: RunContext, plan: RunPlan, rows: readonly StepRow[]): Promise<boolean> {
  let changed = false;
  for (const at of plan.skip) changed = !!(await writeStep(run, at, { to: "SKIPPED", from: ["PENDING"] })) || changed;
  for (const at of plan.cancel) {
    await cancelNode(run, at, rows, {
      to: "CANCELED",
      message: "No longer needed: another branch reached the join first, or its loop failed.",
    });
    changed = true;
  }
  for (const done of plan.complete) {
    const row = await writeStep(run, done, {
      to: "SUCCEEDED",
      from: ["RUNNING"],
      data: done.data,
      output: JSON.stringify(done.data),
    });
    changed = !!row || changed;
  }
  for (const failed of plan.fail) {
    const error = {
      message: failed.message,
      nodeId: failed.nodeId,
      ...(failed.iterationKey ? { iterationKey: failed.iterationKey } : {}),
    };
    changed = !!(await writeStep(run, failed, { to: "FAILED", from: OPEN, error })) || changed;
  }
  return changed;
}

/** The run's error: the failed row's own (with its node and position), else the plan's reason. */
function causeError(plan: RunPlan, cause: StepRow | null) {
  const stored = cause?.error as { message?: unknown } | null | undefined;
  if (cause && stored && typeof stored.message === "string")
    return { ...(stored as { message: string }), nodeId: cause.nodeId };
  const failed = plan.fail[0];
  return {
    message: failed?.message ?? "The run failed.",
    nodeId: cause?.nodeId ?? failed?.nodeId ?? "",
  };
}

/** The first top-level output node that succeeded (canvas order): its JSON data, else its text. */
function runOutput(run: RunContext, rows: readonly StepRow[]): unknown {
  for (const node of run.graph.nodes) {
    if (node.type !== "output" || node.parentId) continue;
    const row = rows.find((r) => r.nodeId === node.id && r.iterationKey === "" && r.state === "SUCCEEDED");
    if (row) return row.data ?? row.output ?? null;
  }
  return null;
}
