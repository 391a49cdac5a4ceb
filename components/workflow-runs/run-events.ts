import { parseOrgEventData, type OrgEventView } from "@/server/schemas/org-events";
import type { RunDetail, StepView } from "./run-types";

/**
 * Folds one org event about a run into the page's copy of it, so a node
 * changes colour the moment its event arrives; the refetch that follows
 * brings what events do not carry (outputs, error positions, approvals).
 *
 * A change applies only from the state the page has (`from`): an event older
 * than the page's data (it was read after the event was written) never moves
 * a step back. A step the page has not seen yet (a loop element) is added.
 * Returns the same object when nothing changed.
 */
export function applyRunEvent(run: RunDetail, event: OrgEventView): RunDetail {
  if (event.subject.type !== "workflow_run" || event.subject.id !== run.id) return run;
  const at = new Date(event.createdAt);
  if (event.type === "workflow_step.state_changed") {
    const parsed = parseOrgEventData("workflow_step.state_changed", event.data);
    if (!parsed.success) return run;
    const change = parsed.data;
    const index = run.steps.findIndex(
      (s) => s.id === change.stepRunId || (s.nodeId === change.nodeId && s.iterationKey === change.iterationKey),
    );
    const before = index >= 0 ? run.steps[index]! : null;
    if (before && change.from !== null && before.state !== change.from) return run;
    if (before && change.from === null && before.state !== "PENDING") return run;
    const ended = change.to !== "PENDING" && change.to !== "RUNNING" && change.to !== "WAITING";
    const step: StepView = {
      ...(before ?? emptyStep(change.stepRunId, change.nodeId, change.iterationKey)),
      id: change.stepRunId,
      state: change.to,
      attempt: change.attempt,
      taskId: change.taskId,
      costCredits: change.costCredits,
    };
    if (change.to === "RUNNING" && !step.startedAt) step.startedAt = at;
    if (ended) step.finishedAt = at;
    if (change.to === "PENDING") Object.assign(step, { finishedAt: null, error: null, output: null });
    if (change.to === "FAILED" && !step.error && change.message)
      step.error = { message: change.message, nodeId: change.nodeId, field: null, position: null };
    const steps = before ? run.steps.map((s, i) => (i === index ? step : s)) : [...run.steps, step];
    return { ...run, steps, totalCostCredits: steps.reduce((sum, s) => sum + s.costCredits, 0) };
  }
  if (event.type === "workflow_run.state_changed") {
    const parsed = parseOrgEventData("workflow_run.state_changed", event.data);
    if (!parsed.success) return run;
    const change = parsed.data;
    if (change.from !== null && run.state !== change.from) return run;
    const ended = change.to === "SUCCEEDED" || change.to === "FAILED" || change.to === "CANCELED";
    return {
      ...run,
      state: change.to,
      spentCredits: change.spentCredits,
      finishedAt: ended ? (run.finishedAt ?? at) : null,
      startedAt: run.startedAt ?? (change.to === "RUNNING" ? at : null),
      error:
        change.to === "FAILED"
          ? (run.error ??
            (change.message ? { message: change.message, nodeId: null, field: null, position: null } : null))
          : change.to === "RUNNING"
            ? null
            : run.error,
    };
  }
  return run;
}

const emptyStep = (id: string, nodeId: string, iterationKey: string): StepView => ({
  id,
  nodeId,
  iterationKey,
  state: "PENDING",
  attempt: 0,
  taskId: null,
  output: null,
  data: null,
  costCredits: 0,
  error: null,
  startedAt: null,
  finishedAt: null,
});

/** Whether an org event concerns this run: its own events, and approvals it waits on. */
export function concernsRun(runId: string, event: OrgEventView): boolean {
  if (event.subject.type === "workflow_run") return event.subject.id === runId;
  if (event.type === "approval.requested" || event.type === "approval.decided") {
    const parsed = parseOrgEventData(event.type, event.data);
    return parsed.success && parsed.data.runId === runId;
  }
  return false;
}
