import "server-only";
import { hasRole } from "../../auth/roles";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { EventActor } from "../events/catalogue";
import { departmentsAbove, departmentsLedBy } from "./department-lineage";

/**
 * Who reads or writes the org's knowledge, as each door authenticated them:
 * a member (tRPC), an org API key (REST), or a task of the org (an agent's
 * part, the context attached to a department's task).
 */
export type KnowledgeActor =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; apiKeyId: string; scopes: readonly string[] }
  | { kind: "task"; taskId: string; agentId: string; departmentId: string | null; workflowRunId: string | null };

/**
 * What the actor may see and change. `read` and `write` are the departments
 * whose entities are in reach (null: every department); org-wide entities
 * are always readable, and writable when `canWrite`.
 *
 * The rule (docs/knowledge.md, "Scope"):
 * - owners and admins: every entity, org-wide and of every department;
 * - other members: org-wide entities, and those of the departments they lead
 *   and the teams under them (read and, unless a viewer, write), plus those
 *   of the departments above what they lead (read: what their departments'
 *   tasks see);
 * - an API key: org-wide entities only (a key belongs to no department);
 * - a task: org-wide entities and those of its department and the
 *   departments above it; it writes into its own department (or org-wide
 *   when it has none).
 */
export interface KnowledgeAccess {
  orgId: string;
  actor: KnowledgeActor;
  read: ReadonlySet<string> | null;
  write: ReadonlySet<string> | null;
  canWrite: boolean;
  /** Owners and admins: decide any proposal, set policies. */
  isAdmin: boolean;
}

export type KnowledgePermission = "read" | "write";

/**
 * The actor's reach in the org. A user who is not a member is "not found",
 * like the org itself; a key needs knowledge:read to read and
 * knowledge:write to write; a viewer reads only.
 */
export async function knowledgeAccess(
  orgId: string,
  actor: KnowledgeActor,
  permission: KnowledgePermission,
): Promise<KnowledgeAccess> {
  if (actor.kind === "apiKey") {
    const scope = permission === "read" ? "knowledge:read" : "knowledge:write";
    if (!actor.scopes.includes(scope)) throw new DomainError("missing_scope", `This API key lacks the ${scope} scope.`);
    const none = new Set<string>();
    return {
      orgId,
      actor,
      read: none,
      write: none,
      canWrite: actor.scopes.includes("knowledge:write"),
      isAdmin: false,
    };
  }
  if (actor.kind === "task") {
    const own = actor.departmentId ? [actor.departmentId] : [];
    return {
      orgId,
      actor,
      read: new Set(await departmentsAbove(orgId, own)),
      write: new Set(own),
      canWrite: true,
      isAdmin: false,
    };
  }
  const member = await db.member.findFirst({
    where: { organizationId: orgId, userId: actor.userId },
    select: { role: true },
  });
  if (!member) throw new DomainError("not_found", "Organization not found.");
  const canWrite = hasRole(member.role, "member");
  if (permission === "write" && !canWrite)
    throw new DomainError("forbidden", "Viewers can read the knowledge graph but not change it.");
  if (hasRole(member.role, "admin")) return { orgId, actor, read: null, write: null, canWrite, isAdmin: true };
  const led = await departmentsLedBy(orgId, actor.userId);
  return {
    orgId,
    actor,
    read: new Set([...led.withTeams, ...led.above]),
    write: new Set(canWrite ? led.withTeams : []),
    canWrite,
    isAdmin: false,
  };
}

/** True when an entity of `departmentId` (null: org-wide) is in reach for `mode`. */
export function inReach(access: KnowledgeAccess, departmentId: string | null, mode: KnowledgePermission): boolean {
  if (mode === "write" && !access.canWrite) return false;
  if (departmentId === null) return true;
  const set = mode === "read" ? access.read : access.write;
  return set === null || set.has(departmentId);
}

/** The departments in read reach as a list for SQL (null: no filter). */
export const readableDepartments = (access: KnowledgeAccess): string[] | null =>
  access.read === null ? null : [...access.read];

/** The actor as the event log and the revision history record it. */
export function eventActorOf(actor: KnowledgeActor): EventActor {
  if (actor.kind === "user") return { kind: "user", id: actor.userId };
  if (actor.kind === "apiKey") return { kind: "apiKey", id: actor.apiKeyId };
  return actor.workflowRunId ? { kind: "workflow", id: actor.workflowRunId } : { kind: "agent", id: actor.agentId };
}
