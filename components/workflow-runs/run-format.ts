import type { RunError, RunState, RunTrigger, StepState } from "./run-types";

/** In the order a run moves through them (the list's state filter shows them so). */
export const RUN_STATES = [
  "PENDING",
  "RUNNING",
  "WAITING",
  "SUCCEEDED",
  "FAILED",
  "CANCELED",
] as const satisfies readonly RunState[];

export const RUN_STATE_LABEL: Record<RunState, string> = {
  PENDING: "Pending",
  RUNNING: "Running",
  WAITING: "Waiting",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  CANCELED: "Canceled",
};

export const TRIGGER_LABEL: Record<RunTrigger, string> = {
  MANUAL: "Manual",
  API: "API",
  WEBHOOK: "Webhook",
  SCHEDULE: "Schedule",
  SUBWORKFLOW: "Sub-workflow",
  PLAN: "Manager's plan",
};

export const isActiveRun = (state: RunState) => state === "PENDING" || state === "RUNNING" || state === "WAITING";
export const isActiveStep = (state: StepState) => state === "PENDING" || state === "RUNNING" || state === "WAITING";

/** How long a run or step took, or has taken so far (null before it started). */
export function elapsedMs(startedAt: Date | null, finishedAt: Date | null, now: number): number | null {
  if (!startedAt) return null;
  return Math.max(0, (finishedAt?.getTime() ?? now) - startedAt.getTime());
}

/** A run's name where it has no workflow (a manager's plan, a deleted workflow). */
export const runTitle = (run: { workflowName: string | null; trigger: RunTrigger }) =>
  run.workflowName ?? (run.trigger === "PLAN" ? "Manager's plan" : "Workflow run");

/** The first block of a UUID: enough to tell runs apart in a list. */
export const shortId = (id: string) => id.slice(0, 8);

/** The template or expression field an error names, as a person reads it. */
const FIELD_LABEL: Record<string, string> = {
  template: "template",
  expression: "expression",
  items: "list of items",
};

/**
 * Where an error happened, in words: "in the template of Write draft, line 2,
 * column 14". Empty when the error names no node.
 */
export function errorLocation(error: RunError, nodeName: (nodeId: string) => string): string {
  if (!error.nodeId) return "";
  const field = error.field ? FIELD_LABEL[error.field.replace(/^config\./, "")] : undefined;
  const where = field ? `in the ${field} of ${nodeName(error.nodeId)}` : `in ${nodeName(error.nodeId)}`;
  const at = error.position ? `, line ${error.position.line}, column ${error.position.column}` : "";
  return `${where}${at}`;
}
