import "server-only";
import type { z } from "zod";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { KnowledgeSource } from "../../generated/prisma/enums";
import { inReach, type KnowledgeAccess, type KnowledgeActor, type KnowledgePermission } from "./knowledge-access";
import type { WriteProvenance } from "./graph-writes";

/**
 * Parses one field with its schema (knowledge-limits.types.ts), refusing bad
 * input with the schema's own sentence as invalid_input, so every door gets
 * the same refusal and nothing is written.
 */
export function field<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new DomainError("invalid_input", parsed.error.issues[0]?.message ?? "That value is not valid.");
  return parsed.data;
}

export const ENTITY_NOT_FOUND = "No such knowledge entity in this organization.";

/** The provenance a door's actor stamps on what it writes. */
export function provenanceOf(actor: KnowledgeActor, source: KnowledgeSource): WriteProvenance {
  const none = { userId: null, apiKeyId: null, taskId: null, agentId: null, workflowRunId: null };
  if (actor.kind === "user") return { ...none, source, userId: actor.userId };
  if (actor.kind === "apiKey") return { ...none, source, apiKeyId: actor.apiKeyId };
  return { ...none, source, taskId: actor.taskId, agentId: actor.agentId, workflowRunId: actor.workflowRunId };
}

/**
 * An entity of the org in the actor's reach, or "not found": another org's
 * id and a department the actor cannot see read the same. In reach to read
 * but not to write is a refusal naming why.
 */
export async function reachableEntity(access: KnowledgeAccess, entityId: string, mode: KnowledgePermission) {
  const entity = await db.knowledgeEntity.findFirst({
    where: { id: entityId, orgId: access.orgId },
    select: { id: true, departmentId: true, name: true, type: true, aliases: true, summary: true, archivedAt: true },
  });
  if (!entity || !inReach(access, entity.departmentId, "read")) throw new DomainError("not_found", ENTITY_NOT_FOUND);
  if (mode === "write" && !inReach(access, entity.departmentId, "write"))
    throw new DomainError(
      "forbidden",
      "Only owners, admins and the department's leads can change its knowledge; you can read it.",
    );
  return entity;
}

/** A department of the org the actor may write into (null: org-wide), or the reason not. */
export async function writableScope(access: KnowledgeAccess, departmentId: string | null): Promise<string | null> {
  if (departmentId === null) {
    if (!access.canWrite) throw new DomainError("forbidden", "You can read the knowledge graph but not change it.");
    return null;
  }
  const department = await db.department.findFirst({
    where: { id: departmentId, orgId: access.orgId },
    select: { id: true },
  });
  if (!department || !inReach(access, departmentId, "read"))
    throw new DomainError("department_not_found", "No such department in this organization.");
  if (!inReach(access, departmentId, "write"))
    throw new DomainError(
      "forbidden",
      access.actor.kind === "apiKey"
        ? "API keys write org-wide knowledge only; leave departmentId out."
        : "Only owners, admins and the department's leads can add to its knowledge.",
    );
  return departmentId;
}

/** An expiry must lie ahead: a fact that has already expired is not worth writing. */
export function futureExpiry(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new DomainError("invalid_input", "The expiry is not a date.");
  if (date.getTime() <= Date.now()) throw new DomainError("invalid_input", "The expiry must be in the future.");
  return date;
}
