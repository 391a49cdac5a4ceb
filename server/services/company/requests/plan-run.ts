import "server-only";
import { db } from "../../../db";
import { Prisma } from "../../../generated/prisma/client";
import type { InputJsonValue } from "../../../generated/prisma/internal/prismaNamespace";
import { sendEvent } from "../../../jobs/send";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "../../../schemas/workflow-graph";
import { eventTransaction } from "../../events/event-transaction";
import { recordEvent } from "../../events/record-event";
import { runStartedEvent } from "../../workflows/run-events";

/**
 * Runs a manager's plan (or route) once, as a workflow run with no saved
 * workflow (trigger PLAN), linked both ways to the request's task (the run's
 * agent steps start their tasks as its children; the task's workflowRunId).
 * The run and the link commit together; a replay (same task and turn) finds
 * the run by its idempotency key and re-sends its start while it is PENDING.
 */
export async function startPlanRun(input: {
  orgId: string;
  taskId: string;
  turn: number;
  graph: WorkflowGraph;
  request: string;
  createdById: string | null;
  apiKeyId: string | null;
}): Promise<{ id: string }> {
  const key = `request:${input.taskId}:${input.turn}`;
  // The run reads its graph back with this schema: a plan it would not parse must not start.
  const graph = ZWorkflowGraphSchema.parse(input.graph);
  let run: { id: string; generation: number; state: string };
  try {
    run = await eventTransaction(async (tx) => {
      const created = await tx.workflowRun.create({
        data: {
          orgId: input.orgId,
          workflowId: null,
          versionId: null,
          graph: graph as unknown as InputJsonValue,
          input: { request: input.request, taskId: input.taskId },
          budgetCapCredits: graph.budgetCapCredits,
          idempotencyKey: key,
          trigger: "PLAN",
          createdById: input.createdById,
          apiKeyId: input.apiKeyId,
        },
        select: { id: true, generation: true, state: true },
      });
      await tx.task.update({ where: { id: input.taskId }, data: { workflowRunId: created.id } });
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "workflow_run.started",
        subject: { type: "workflow_run", id: created.id },
        actor: { kind: "system", id: "manager" },
        data: {
          workflowId: null,
          version: null,
          trigger: "PLAN",
          generation: created.generation,
          budgetCapCredits: graph.budgetCapCredits,
          parentRunId: null,
        },
      });
      return created;
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const found = await db.workflowRun.findUniqueOrThrow({
      where: { orgId_idempotencyKey: { orgId: input.orgId, idempotencyKey: key } },
      select: { id: true, generation: true, state: true },
    });
    await db.task.updateMany({ where: { id: input.taskId, workflowRunId: null }, data: { workflowRunId: found.id } });
    run = found;
  }
  if (run.state === "PENDING") await sendEvent(runStartedEvent(run));
  return { id: run.id };
}

/** The MANAGER task a plan run belongs to, if it is one. */
export function requestTaskOfRun(runId: string) {
  return db.task.findFirst({
    where: { workflowRunId: runId, kind: "MANAGER" },
    select: { id: true, orgId: true, state: true, rootTaskId: true, depth: true, departmentId: true },
  });
}
