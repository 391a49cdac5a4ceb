import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { WorkflowRunState } from "../../generated/prisma/enums";
import { RUN_SUMMARY_SELECT, toRunSummary, type WorkflowRunSummary } from "./run-views";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

export interface ListWorkflowRunsInput {
  orgId: string;
  actor: WorkflowActor;
  workflowId?: string | null;
  state?: WorkflowRunState | null;
  /** The last id of the previous page (ids are time-ordered UUIDv7). */
  cursor?: string | null;
  limit: number;
}

/** The org's runs (of one workflow, in one state), newest first, a page at a time. */
export async function listWorkflowRuns(
  input: ListWorkflowRunsInput,
): Promise<{ items: WorkflowRunSummary[]; nextCursor: string | null }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "read");
  const where: Prisma.WorkflowRunWhereInput = {
    orgId: input.orgId,
    ...(input.workflowId ? { workflowId: input.workflowId } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.cursor ? { id: { lt: input.cursor } } : {}),
  };
  const rows = await db.workflowRun.findMany({
    where,
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: RUN_SUMMARY_SELECT,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(toRunSummary),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
