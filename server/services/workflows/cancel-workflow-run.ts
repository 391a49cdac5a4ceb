import "server-only";
import { db, type Tx } from "../../db";
import { DomainError, isDomainError } from "../../errors";
import { sendEvent } from "../../jobs/send";
import { logger } from "../../logger";
import type { EventActor } from "../events/catalogue";
import { eventTransaction } from "../events/event-transaction";
import { recordEvents, type AnyRecordEventInput } from "../events/record-event";
import { requestCancel } from "../tasks/cancel-task";
import { runNotFound } from "./get-workflow-run";
import { runCancelRequestedEvent } from "./run-events";
import { ACTIVE_RUN_STATES, ACTIVE_STEP_STATES } from "./run-views";
import { authorizeWorkflowActor, eventActorOf, type WorkflowActor } from "./workflow-actor";

const CANCEL_MESSAGE = "Canceled.";

/**
 * Cancels a run that has not ended: the run and its unfinished steps become
 * CANCELED in one transaction (conditionally, so a run that finished a moment
 * ago is refused, never overwritten), then the tasks its agent steps started
 * are cancelled through the task cancel path (which releases their holds),
 * its sub-workflow runs are cancelled the same way, and
 * `workflow/run.cancel-requested` stops the durable execution.
 */
export async function cancelWorkflowRun(input: {
  orgId: string;
  actor: WorkflowActor;
  runId: string;
  reason?: string;
}): Promise<{ canceled: true; tasksCanceled: number }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "run");
  const found = await db.workflowRun.findFirst({
    where: { id: input.runId, orgId: input.orgId },
    select: { state: true, parentRunId: true },
  });
  if (!found) throw runNotFound();
  const message = input.reason?.trim() || CANCEL_MESSAGE;
  const taskIds = await eventTransaction((tx) =>
    cancelRows(tx, { orgId: input.orgId, runId: input.runId, actor: eventActorOf(input.actor), message }),
  );
  if (taskIds === null)
    throw new DomainError("already_finished", `The run already ended (${found.state.toLowerCase()}).`);
  let tasksCanceled = 0;
  for (const taskId of taskIds) {
    try {
      await requestCancel({ orgId: input.orgId, taskId });
      tasksCanceled += 1;
    } catch (error) {
      // A task that ended on its own meanwhile has nothing left to release.
      if (!isDomainError(error) || error.code !== "already_finished") throw error;
    }
  }
  await cancelChildRuns(input.orgId, input.runId);
  await sendEvent(runCancelRequestedEvent(input.runId));
  // The run function stops without finishing the run, so the cancel says it ended (a plan's request ends with it).
  await sendEvent({
    name: "workflow/run.finished",
    id: `workflow-run-finished:${input.runId}:canceled`,
    data: { runId: input.runId, parentRunId: found.parentRunId, state: "CANCELED" },
  });
  return { canceled: true, tasksCanceled };
}

/** Marks the run and its open steps CANCELED; the tasks to cancel, or null if the run had ended. */
async function cancelRows(
  tx: Tx,
  input: { orgId: string; runId: string; actor: EventActor; message: string },
): Promise<string[] | null> {
  const now = new Date();
  const [before] = await tx.$queryRaw<{ state: string }[]>`
    SELECT "state"::text FROM "WorkflowRun" WHERE "id" = ${input.runId} AND "orgId" = ${input.orgId} FOR UPDATE`;
  if (!before || !(ACTIVE_RUN_STATES as readonly string[]).includes(before.state)) return null;
  const [run] = await tx.workflowRun.updateManyAndReturn({
    where: { id: input.runId, orgId: input.orgId, state: { in: [...ACTIVE_RUN_STATES] } },
    data: { state: "CANCELED", cancelRequestedAt: now, finishedAt: now },
    select: { workflowId: true, spentCredits: true },
  });
  if (!run) return null;
  const openSteps = await tx.workflowStepRun.findMany({
    where: { runId: input.runId, state: { in: [...ACTIVE_STEP_STATES] } },
    select: { id: true, state: true },
  });
  const steps = await tx.workflowStepRun.updateManyAndReturn({
    where: { id: { in: openSteps.map((s) => s.id) }, state: { in: [...ACTIVE_STEP_STATES] } },
    data: { state: "CANCELED", finishedAt: now },
    select: { id: true, nodeId: true, iterationKey: true, attempt: true, taskId: true, costCredits: true },
  });
  const fromOf = new Map(openSteps.map((s) => [s.id, s.state]));
  const subject = { type: "workflow_run" as const, id: input.runId };
  const events: AnyRecordEventInput[] = [
    ...steps.map((step): AnyRecordEventInput => ({
      orgId: input.orgId,
      type: "workflow_step.state_changed",
      subject,
      actor: input.actor,
      data: {
        stepRunId: step.id,
        nodeId: step.nodeId,
        iterationKey: step.iterationKey,
        from: fromOf.get(step.id) ?? null,
        to: "CANCELED",
        attempt: step.attempt,
        taskId: step.taskId,
        costCredits: step.costCredits,
        message: input.message,
      },
    })),
    {
      orgId: input.orgId,
      type: "workflow_run.state_changed",
      subject,
      actor: input.actor,
      data: {
        workflowId: run.workflowId,
        from: before.state as (typeof ACTIVE_RUN_STATES)[number],
        to: "CANCELED",
        spentCredits: run.spentCredits,
        message: input.message,
      },
    },
  ];
  await recordEvents(tx, events);
  // Every task an agent step of this run started that may still be running (a
  // step the engine already marked done can still have its task in flight
  // only if the engine crashed in between; the task path refuses the ended ones).
  const withTasks = await tx.workflowStepRun.findMany({
    where: { runId: input.runId, taskId: { not: null } },
    select: { taskId: true },
  });
  const ids = withTasks.flatMap((s) => (s.taskId ? [s.taskId] : []));
  if (ids.length === 0) return [];
  const open = await tx.task.findMany({
    where: { id: { in: ids }, orgId: input.orgId, state: { in: ["SUBMITTED", "WORKING", "INPUT_REQUIRED"] } },
    select: { id: true },
  });
  return open.map((t) => t.id);
}

/** Sub-workflow runs started by this run's nodes end with it. */
async function cancelChildRuns(orgId: string, parentRunId: string): Promise<void> {
  const children = await db.workflowRun.findMany({
    where: { orgId, parentRunId, state: { in: [...ACTIVE_RUN_STATES] } },
    select: { id: true },
  });
  for (const child of children) {
    try {
      await cancelWorkflowRun({
        orgId,
        actor: { kind: "workflow", runId: parentRunId, userId: null },
        runId: child.id,
      });
    } catch (error) {
      if (isDomainError(error) && error.code === "already_finished") continue;
      logger.warn({ err: error, runId: child.id, parentRunId }, "sub-workflow run did not cancel");
      throw error;
    }
  }
}
