import "server-only";
import { db } from "../../../db";
import { Prisma } from "../../../generated/prisma/client";
import type { InputJsonValue } from "../../../generated/prisma/internal/prismaNamespace";
import { sendEvent } from "../../../jobs/send";
import { ZWorkflowGraphSchema } from "../../../schemas/workflow-graph";
import { eventTransaction } from "../../events/event-transaction";
import { recordEvent } from "../../events/record-event";
import { runStartedEvent } from "../run-events";
import type { NodeAt } from "./plan";
import type { RunContext } from "./run-context";

/** Sub-workflows nest at most this deep (a run, its child, the child's child, …). */
export const MAX_SUBWORKFLOW_DEPTH = 5;

export type ChildStart = { ok: true; childRunId: string } | { ok: false; message: string };

/**
 * Starts a sub-workflow node's child run: the named workflow's newest
 * published version, trigger SUBWORKFLOW, linked to this run and node, by
 * the same member. Idempotent per (run, generation, node, element) through
 * the child's idempotency key, so a replayed step finds the child it started.
 * A workflow that would end up calling itself, or nesting too deep, is refused.
 */
export async function startChildRun(
  run: RunContext,
  at: NodeAt,
  workflowId: string,
  input: unknown,
): Promise<ChildStart> {
  const key = `subworkflow:${run.id}:${run.generation}:${at.nodeId}:${at.iterationKey || "-"}`;
  const existing = await db.workflowRun.findUnique({
    where: { orgId_idempotencyKey: { orgId: run.orgId, idempotencyKey: key } },
    select: { id: true, generation: true, state: true },
  });
  if (existing) {
    if (existing.state === "PENDING") await sendEvent(runStartedEvent(existing));
    return { ok: true, childRunId: existing.id };
  }
  const workflow = await db.workflow.findFirst({
    where: { id: workflowId, orgId: run.orgId },
    select: {
      name: true,
      archivedAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, graph: true } },
    },
  });
  if (!workflow) return { ok: false, message: "The sub-workflow does not exist in this organization." };
  if (workflow.archivedAt) return { ok: false, message: `The sub-workflow "${workflow.name}" is archived.` };
  const version = workflow.versions[0];
  if (!version) return { ok: false, message: `Publish "${workflow.name}" before running it as a sub-workflow.` };
  const ancestry = await ancestorWorkflows(run);
  if (ancestry.includes(workflowId))
    return {
      ok: false,
      message: `"${workflow.name}" is already running above this step: it would call itself forever.`,
    };
  if (ancestry.length >= MAX_SUBWORKFLOW_DEPTH)
    return { ok: false, message: `Sub-workflows nest at most ${MAX_SUBWORKFLOW_DEPTH} deep.` };
  const graph = ZWorkflowGraphSchema.parse(version.graph);
  let child: { id: string; generation: number };
  try {
    child = await eventTransaction(async (tx) => {
      const created = await tx.workflowRun.create({
        data: {
          orgId: run.orgId,
          workflowId,
          versionId: version.id,
          graph: version.graph as InputJsonValue,
          input: input === null ? Prisma.JsonNull : (input as InputJsonValue),
          budgetCapCredits: graph.budgetCapCredits,
          idempotencyKey: key,
          trigger: "SUBWORKFLOW",
          createdById: run.createdById,
          parentRunId: run.id,
          parentNodeId: at.nodeId,
        },
        select: { id: true, generation: true },
      });
      await recordEvent(tx, {
        orgId: run.orgId,
        type: "workflow_run.started",
        subject: { type: "workflow_run", id: created.id },
        actor: { kind: "workflow", id: run.id },
        data: {
          workflowId,
          version: version.number,
          trigger: "SUBWORKFLOW",
          generation: created.generation,
          budgetCapCredits: graph.budgetCapCredits,
          parentRunId: run.id,
        },
      });
      return created;
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return startChildRun(run, at, workflowId, input);
  }
  await sendEvent(runStartedEvent(child));
  return { ok: true, childRunId: child.id };
}

/** The workflows of this run and the runs above it, nearest first. */
async function ancestorWorkflows(run: RunContext): Promise<string[]> {
  const found: string[] = run.workflowId ? [run.workflowId] : [];
  let parentId = run.parentRunId;
  for (let depth = 0; parentId && depth <= MAX_SUBWORKFLOW_DEPTH; depth++) {
    const parent = await db.workflowRun.findUnique({
      where: { id: parentId },
      select: { workflowId: true, parentRunId: true },
    });
    if (!parent) break;
    if (parent.workflowId) found.push(parent.workflowId);
    parentId = parent.parentRunId;
  }
  return found;
}
