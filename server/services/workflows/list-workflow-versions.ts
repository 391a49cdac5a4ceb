import "server-only";
import { db } from "../../db";
import { findOrgWorkflow } from "./find-org-workflow";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

export interface WorkflowVersionSummary {
  id: string;
  number: number;
  note: string | null;
  rolledBackFrom: number | null;
  publishedById: string | null;
  publishedByName: string | null;
  createdAt: Date;
  /** Runs started on this version. */
  runCount: number;
}

/** A workflow's versions, newest first, a page at a time (cursor = the last number seen). */
export async function listWorkflowVersions(input: {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
  cursor?: number | null;
  limit: number;
}): Promise<{ items: WorkflowVersionSummary[]; nextCursor: number | null }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "read");
  await findOrgWorkflow(input.orgId, input.workflowId, { id: true });
  const rows = await db.workflowVersion.findMany({
    where: {
      workflowId: input.workflowId,
      workflow: { orgId: input.orgId },
      ...(input.cursor ? { number: { lt: input.cursor } } : {}),
    },
    orderBy: { number: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      number: true,
      note: true,
      rolledBackFrom: true,
      publishedById: true,
      createdAt: true,
      _count: { select: { runs: true } },
    },
  });
  const page = rows.slice(0, input.limit);
  const publisherIds = [...new Set(page.flatMap((v) => (v.publishedById ? [v.publishedById] : [])))];
  const users = publisherIds.length
    ? await db.user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true } })
    : [];
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return {
    items: page.map(({ _count, ...v }) => ({
      ...v,
      publishedByName: v.publishedById ? (nameOf.get(v.publishedById) ?? null) : null,
      runCount: _count.runs,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.number ?? null) : null,
  };
}
