import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { sendEvent } from "../../jobs/send";
import { eventTransaction } from "../events/event-transaction";
import { recordEvents, type AnyRecordEventInput } from "../events/record-event";
import { runNotFound } from "./get-workflow-run";
import { runStartedEvent } from "./run-events";
import { authorizeWorkflowActor, eventActorOf, type WorkflowActor } from "./workflow-actor";

/**
 * Retries a failed run: FAILED -> RUNNING (conditionally, so two retries make
 * one), its failed steps back to PENDING with their task link, result and
 * error cleared (the engine starts a new task for them, and never follows the
 * failed one), and the generation bumped, so `workflow/run.started` with the
 * new generation's id starts a fresh execution that keeps what succeeded.
 */
export async function retryWorkflowRun(input: {
  orgId: string;
  actor: WorkflowActor;
  runId: string;
}): Promise<{ id: string; generation: number }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "run");
  const found = await db.workflowRun.findFirst({
    where: { id: input.runId, orgId: input.orgId },
    select: { state: true },
  });
  if (!found) throw runNotFound();
  const actor = eventActorOf(input.actor);
  const run = await eventTransaction(async (tx) => {
    const [updated] = await tx.workflowRun.updateManyAndReturn({
      where: { id: input.runId, orgId: input.orgId, state: "FAILED" },
      data: {
        state: "RUNNING",
        generation: { increment: 1 },
        error: Prisma.DbNull,
        finishedAt: null,
        output: Prisma.DbNull,
      },
      select: {
        id: true,
        generation: true,
        workflowId: true,
        spentCredits: true,
        budgetCapCredits: true,
        trigger: true,
        parentRunId: true,
        version: { select: { number: true } },
      },
    });
    if (!updated) return null;
    const steps = await tx.workflowStepRun.updateManyAndReturn({
      where: { runId: input.runId, state: "FAILED" },
      data: {
        state: "PENDING",
        taskId: null,
        output: null,
        data: Prisma.DbNull,
        error: Prisma.DbNull,
        startedAt: null,
        finishedAt: null,
      },
      select: { id: true, nodeId: true, iterationKey: true, attempt: true, costCredits: true },
    });
    const subject = { type: "workflow_run" as const, id: updated.id };
    const events: AnyRecordEventInput[] = [
      {
        orgId: input.orgId,
        type: "workflow_run.started",
        subject,
        actor,
        data: {
          workflowId: updated.workflowId,
          version: updated.version?.number ?? null,
          trigger: updated.trigger,
          generation: updated.generation,
          budgetCapCredits: updated.budgetCapCredits,
          parentRunId: updated.parentRunId,
        },
      },
      {
        orgId: input.orgId,
        type: "workflow_run.state_changed",
        subject,
        actor,
        data: {
          workflowId: updated.workflowId,
          from: "FAILED",
          to: "RUNNING",
          spentCredits: updated.spentCredits,
          message: "Retried.",
        },
      },
      ...steps.map((step): AnyRecordEventInput => ({
        orgId: input.orgId,
        type: "workflow_step.state_changed",
        subject,
        actor,
        data: {
          stepRunId: step.id,
          nodeId: step.nodeId,
          iterationKey: step.iterationKey,
          from: "FAILED",
          to: "PENDING",
          attempt: step.attempt,
          taskId: null,
          costCredits: step.costCredits,
          message: "Retried.",
        },
      })),
    ];
    await recordEvents(tx, events);
    return updated;
  });
  if (!run) {
    throw new DomainError(
      "not_eligible",
      `Only a failed run can be retried; this one is ${found.state.toLowerCase()}.`,
    );
  }
  await sendEvent(runStartedEvent(run));
  return { id: run.id, generation: run.generation };
}
