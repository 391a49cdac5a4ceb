import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { KnowledgeIngestPolicy } from "../../generated/prisma/enums";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { eventActorOf, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";

export interface KnowledgePolicyView {
  departmentId: string;
  /** AUTO: an agent's bureau/knowledge part is written when its task completes; REVIEW: a lead accepts it first. */
  ingest: KnowledgeIngestPolicy;
  /** The department's tasks carry the most relevant observations (relevantObservations). */
  attachContext: boolean;
}

/** The default of a department with no policy row: review everything, attach nothing. */
export const DEFAULT_POLICY = { ingest: "REVIEW", attachContext: false } as const;

/**
 * A department's knowledge policy, for the lead's task path: whether to
 * attach context and how an agent's part is taken. A department of another
 * org, or none, reads as the default (tasks without a department always go
 * to review, by owners and admins).
 */
export async function knowledgePolicyOf(
  orgId: string,
  departmentId: string | null,
): Promise<KnowledgePolicyView | null> {
  if (!departmentId) return null;
  const department = await db.department.findFirst({ where: { id: departmentId, orgId }, select: { id: true } });
  if (!department) return null;
  const row = await db.knowledgePolicy.findFirst({ where: { departmentId, orgId } });
  return { departmentId, ingest: row?.ingest ?? DEFAULT_POLICY.ingest, attachContext: row?.attachContext ?? false };
}

/** Every department's policy in the org (the default for those without a row), for the settings list. */
export async function listKnowledgePolicies(input: { orgId: string; actor: KnowledgeActor }) {
  await knowledgeAccess(input.orgId, input.actor, "read");
  const [departments, rows] = await Promise.all([
    db.department.findMany({
      where: { orgId: input.orgId, archivedAt: null },
      select: { id: true, name: true, slug: true, parentId: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.knowledgePolicy.findMany({ where: { orgId: input.orgId } }),
  ]);
  const byDepartment = new Map(rows.map((r) => [r.departmentId, r]));
  return departments.map((d) => ({
    department: d,
    ingest: byDepartment.get(d.id)?.ingest ?? DEFAULT_POLICY.ingest,
    attachContext: byDepartment.get(d.id)?.attachContext ?? false,
  }));
}

/** Owners and admins set a department's policy (like its other settings). */
export async function setKnowledgePolicy(input: {
  orgId: string;
  actor: KnowledgeActor;
  departmentId: string;
  ingest: KnowledgeIngestPolicy;
  attachContext: boolean;
}): Promise<KnowledgePolicyView> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  if (!access.isAdmin)
    throw new DomainError("forbidden", "Only owners and admins set a department's knowledge policy.");
  const department = await db.department.findFirst({
    where: { id: input.departmentId, orgId: input.orgId },
    select: { id: true },
  });
  if (!department) throw new DomainError("department_not_found", "No such department in this organization.");
  const updatedById = input.actor.kind === "user" ? input.actor.userId : null;
  const values = { ingest: input.ingest, attachContext: input.attachContext, updatedById };
  await eventTransaction(async (tx) => {
    await tx.knowledgePolicy.upsert({
      where: { departmentId: department.id },
      create: { departmentId: department.id, orgId: input.orgId, ...values },
      update: values,
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "knowledge.policy_set",
      subject: { type: "department", id: department.id },
      actor: eventActorOf(input.actor),
      data: { ingest: input.ingest, attachContext: input.attachContext },
    });
  });
  return { departmentId: department.id, ingest: input.ingest, attachContext: input.attachContext };
}
