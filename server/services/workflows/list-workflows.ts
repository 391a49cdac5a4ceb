import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { decodeUpdatedCursor, encodeUpdatedCursor } from "./page-cursor";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";
import { toWorkflowSummary, WORKFLOW_SUMMARY_SELECT, type WorkflowSummary } from "./workflow-views";

export interface ListWorkflowsInput {
  orgId: string;
  actor: WorkflowActor;
  /** Matches the name, case-insensitively. */
  search?: string | null;
  includeArchived?: boolean;
  cursor?: string | null;
  limit: number;
}

/** The org's workflows, most recently changed first, a page at a time. */
export async function listWorkflows(
  input: ListWorkflowsInput,
): Promise<{ items: WorkflowSummary[]; nextCursor: string | null }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "read");
  const after = input.cursor ? decodeUpdatedCursor(input.cursor) : null;
  const where: Prisma.WorkflowWhereInput = {
    orgId: input.orgId,
    ...(input.includeArchived ? {} : { archivedAt: null }),
    ...(input.search ? { name: { contains: input.search, mode: "insensitive" } } : {}),
    ...(after
      ? { OR: [{ updatedAt: { lt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { lt: after.id } }] }
      : {}),
  };
  const rows = await db.workflow.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: WORKFLOW_SUMMARY_SELECT,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toWorkflowSummary),
    nextCursor: rows.length > input.limit && last ? encodeUpdatedCursor(last) : null,
  };
}
