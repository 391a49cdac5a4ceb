import "server-only";
import { db } from "../../../db";
import type { WorkflowRunState } from "../../../generated/prisma/enums";
import { sendEvent } from "../../../jobs/send";
import { isFinalRun, type RunContext } from "./run-context";
import { setRunState } from "./run-state";

/**
 * Ends the run (conditionally: a run the cancel service already ended stays
 * as it is), then announces it: `workflow/run.finished` for whoever follows
 * runs, and a wake for the parent run waiting on this one as a sub-workflow.
 * Both ids are fixed per run and generation, so a replay sends nothing twice.
 */
export async function finishRun(
  run: RunContext,
  end: { state: WorkflowRunState; output?: unknown; error?: { message: string; nodeId: string | null } },
): Promise<WorkflowRunState> {
  if (!isFinalRun(run.state)) {
    await setRunState(run.id, {
      to: end.state,
      from: ["PENDING", "RUNNING", "WAITING"],
      ...(end.output !== undefined ? { output: end.output } : {}),
      ...(end.error ? { error: end.error, message: end.error.message } : {}),
    });
  }
  const final = (await db.workflowRun.findUnique({ where: { id: run.id }, select: { state: true } }))?.state;
  if (final !== "SUCCEEDED" && final !== "FAILED" && final !== "CANCELED") return final ?? "CANCELED";
  await sendEvent([
    {
      name: "workflow/run.finished",
      id: `workflow-run-finished:${run.id}:${run.generation}`,
      data: { runId: run.id, parentRunId: run.parentRunId, state: final },
    },
    ...(run.parentRunId
      ? [
          {
            name: "workflow/run.wake",
            id: `workflow-run-wake:${run.parentRunId}:child:${run.id}:${run.generation}`,
            data: { runId: run.parentRunId, reason: "child" as const },
          },
        ]
      : []),
  ]);
  return final;
}
