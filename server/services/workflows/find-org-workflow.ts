import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";

export const workflowNotFound = () => new DomainError("not_found", "Workflow not found.");

/** One of the org's workflows (archived ones included), or "not found": another org's id finds nothing. */
export async function findOrgWorkflow<S extends Prisma.WorkflowSelect>(
  orgId: string,
  workflowId: string,
  select: S,
): Promise<Prisma.WorkflowGetPayload<{ select: S }>> {
  const row = await db.workflow.findFirst({ where: { id: workflowId, orgId }, select });
  if (!row) throw workflowNotFound();
  return row as Prisma.WorkflowGetPayload<{ select: S }>;
}
