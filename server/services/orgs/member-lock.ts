import "server-only";
import type { Tx } from "../../db";
import { DomainError } from "../../errors";

/**
 * Takes the org's row lock for the rest of the transaction. Every change
 * that can take an owner away (role change, removal, leaving) goes through
 * it, so two of them on one org run one after the other and the second
 * sees the first's result: two owners demoting each other at the same
 * instant cannot leave the org without one. better-auth's own endpoints for
 * these changes are disabled (server/auth/auth.ts) so nothing skips this.
 */
export async function lockOrgMembership(tx: Tx, input: { orgId: string; userId: string }) {
  await tx.$queryRaw`SELECT id FROM "organization" WHERE id = ${input.orgId} FOR UPDATE`;
  // Read after the lock: the caller's role may have just been changed by the change we waited for.
  const actor = await tx.member.findFirst({
    where: { organizationId: input.orgId, userId: input.userId },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!actor) throw new DomainError("not_found", "Organization not found.");
  return actor;
}

/** The member being changed, in this org only (another org's member is not found). */
export async function findOrgMember(tx: Tx, input: { orgId: string; memberId: string }) {
  const member = await tx.member.findFirst({
    where: { id: input.memberId, organizationId: input.orgId },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!member) throw new DomainError("not_found", "That person is not a member of this organization.");
  return member;
}

export const LAST_OWNER_MESSAGE = "An organization needs at least one owner. Make someone else an owner first.";

/** Refuses a change that would leave the org with no owner (call under lockOrgMembership). */
export async function keepAnOwner(tx: Tx, input: { orgId: string; losing: { role: string } }) {
  if (input.losing.role !== "owner") return;
  const owners = await tx.member.count({ where: { organizationId: input.orgId, role: "owner" } });
  if (owners <= 1) throw new DomainError("conflict", LAST_OWNER_MESSAGE, { lastOwner: true });
}

/** A person who left or was removed no longer has this org active in their sessions. */
export async function forgetActiveOrg(tx: Tx, input: { orgId: string; userId: string }) {
  await tx.session.updateMany({
    where: { userId: input.userId, activeOrganizationId: input.orgId },
    data: { activeOrganizationId: null },
  });
}
