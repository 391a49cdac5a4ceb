import "server-only";
import { hasRole, type OrgRole } from "../../auth/roles";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { EventActor } from "../events/catalogue";

/**
 * Who is acting on an org's workflows, as each door authenticated them: a
 * member (tRPC), an org API key (REST), a running workflow (a sub-workflow
 * node), or Bureau itself (a schedule, a webhook trigger checked by its
 * secret). Scopes are plain strings so this file does not have to change
 * when the key scopes grow.
 */
export type WorkflowActor =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; apiKeyId: string; scopes: readonly string[] }
  | { kind: "workflow"; runId: string; userId: string | null }
  | { kind: "system"; id: string };

/** What the actor wants to do. */
export type WorkflowPermission = "read" | "write" | "run" | "readApprovals" | "approve";

/** The least org role for each permission ("approve" is decided per approval: any member may be named). */
const MIN_ROLE: Record<WorkflowPermission, OrgRole> = {
  read: "viewer",
  write: "member",
  run: "member",
  readApprovals: "viewer",
  approve: "viewer",
};

/** The API key scopes that grant each permission (any one of them). */
const SCOPES: Record<WorkflowPermission, readonly string[]> = {
  read: ["workflows:read"],
  write: ["workflows:write"],
  run: ["workflows:run"],
  readApprovals: ["approvals:write", "workflows:read"],
  approve: ["approvals:write"],
};

const REFUSAL: Record<WorkflowPermission, string> = {
  read: "Only members of this organization can see its workflows.",
  write: "Viewers cannot change workflows. Ask an admin for the member role.",
  run: "Viewers cannot run workflows (runs spend credits). Ask an admin for the member role.",
  readApprovals: "Only members of this organization can see its approvals.",
  approve: "Only members of this organization can decide its approvals.",
};

/**
 * Checks the actor may do `permission` in the org, and returns the member's
 * role (null for keys, runs and the system). A user who is not a member is
 * "not found", like the org itself.
 */
export async function authorizeWorkflowActor(
  orgId: string,
  actor: WorkflowActor,
  permission: WorkflowPermission,
): Promise<{ role: string | null }> {
  if (actor.kind === "apiKey") {
    const scopes = SCOPES[permission];
    if (!scopes.some((scope) => actor.scopes.includes(scope)))
      throw new DomainError("missing_scope", `This API key lacks the ${scopes.join(" or ")} scope.`);
    return { role: null };
  }
  if (actor.kind !== "user") return { role: null };
  const member = await db.member.findFirst({
    where: { organizationId: orgId, userId: actor.userId },
    select: { role: true },
  });
  if (!member) throw new DomainError("not_found", "Organization not found.");
  if (!hasRole(member.role, MIN_ROLE[permission])) throw new DomainError("forbidden", REFUSAL[permission]);
  return { role: member.role };
}

/** The actor as the org event log records it. */
export function eventActorOf(actor: WorkflowActor): EventActor {
  switch (actor.kind) {
    case "user":
      return { kind: "user", id: actor.userId };
    case "apiKey":
      return { kind: "apiKey", id: actor.apiKeyId };
    case "workflow":
      return { kind: "workflow", id: actor.runId };
    case "system":
      return { kind: "system", id: actor.id };
  }
}

/** The member behind an action, if there is one (createdById, publishedById columns). */
export const userIdOf = (actor: WorkflowActor): string | null =>
  actor.kind === "user" ? actor.userId : actor.kind === "workflow" ? actor.userId : null;
