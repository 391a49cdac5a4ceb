import "server-only";
import { hasRole, type OrgRole } from "../../../auth/roles";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import type { EventActor } from "../../events/catalogue";

/**
 * Who acts on an org's departments and positions, as each door authenticated
 * them: a member (tRPC, the seed) or an org API key (REST, read only).
 */
export type CompanyActor =
  { kind: "user"; userId: string } | { kind: "apiKey"; apiKeyId: string; scopes: readonly string[] };

/** read: the chart, a department, its tasks, positions. manage: departments, leads, budgets, hiring. */
export type CompanyPermission = "read" | "manage";

const MIN_ROLE: Record<CompanyPermission, OrgRole> = { read: "viewer", manage: "admin" };

const REFUSAL: Record<CompanyPermission, string> = {
  read: "Only members of this organization can see its departments.",
  manage: "Only owners and admins can change departments and hire. Ask an admin.",
};

/**
 * Checks the actor may do `permission` in the org. A user who is not a
 * member is "not found", like the org itself; a key needs company:read to
 * read and can change nothing.
 */
export async function authorizeCompanyActor(
  orgId: string,
  actor: CompanyActor,
  permission: CompanyPermission,
): Promise<void> {
  if (actor.kind === "apiKey") {
    if (permission !== "read")
      throw new DomainError("forbidden", "API keys cannot change departments or positions; an admin does, in the app.");
    if (!actor.scopes.includes("company:read"))
      throw new DomainError("missing_scope", "This API key lacks the company:read scope.");
    return;
  }
  const member = await db.member.findFirst({
    where: { organizationId: orgId, userId: actor.userId },
    select: { role: true },
  });
  if (!member) throw new DomainError("not_found", "Organization not found.");
  if (!hasRole(member.role, MIN_ROLE[permission])) throw new DomainError("forbidden", REFUSAL[permission]);
}

/** The actor as the org event log records it. */
export const eventActorOf = (actor: CompanyActor): EventActor =>
  actor.kind === "user" ? { kind: "user", id: actor.userId } : { kind: "apiKey", id: actor.apiKeyId };

/** The member behind a change, for the audit log and hiredById. */
export const userIdOf = (actor: CompanyActor): string | null => (actor.kind === "user" ? actor.userId : null);
