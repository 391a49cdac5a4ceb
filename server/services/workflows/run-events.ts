import "server-only";
import type { JobEvent } from "../../jobs/types";

/**
 * The durable events of a run's lifecycle and their ids: `workflow-run:<id>:<generation>`
 * makes each generation one execution however often its start is sent.
 */
export const runStartedEvent = (run: { id: string; generation: number }): JobEvent<{ runId: string }> => ({
  name: "workflow/run.started",
  id: `workflow-run:${run.id}:${run.generation}`,
  data: { runId: run.id },
});

export const runCancelRequestedEvent = (runId: string): JobEvent<{ runId: string }> => ({
  name: "workflow/run.cancel-requested",
  id: `workflow-run-cancel:${runId}`,
  data: { runId },
});

export const approvalDecidedEvent = (approval: {
  id: string;
  runId: string;
}): JobEvent<{ approvalId: string; runId: string }> => ({
  name: "workflow/approval.decided",
  id: `workflow-approval:${approval.id}`,
  data: { approvalId: approval.id, runId: approval.runId },
});
