import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { DomainError } from "../../errors";
import { hasRole, type OrgRole } from "../../auth/roles";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { findOrgMember, keepAnOwner, lockOrgMembership } from "./member-lock";

/**
 * Changes a member's role. Owners may set any role; admins may change
 * admins, members and viewers but never touch an owner or make one. The
 * last owner cannot be demoted, whoever asks. Race-safe (org row lock, then
 * a conditional update on the role read under it) and audited in the same
 * transaction.
 */
export async function changeMemberRole(input: {
  orgId: string;
  actorUserId: string;
  memberId: string;
  role: OrgRole;
}): Promise<{ changed: boolean; role: OrgRole }> {
  return eventTransaction(async (tx) => {
    const actor = await lockOrgMembership(tx, { orgId: input.orgId, userId: input.actorUserId });
    if (!hasRole(actor.role, "admin")) throw new DomainError("forbidden", "Only owners and admins can change roles.");
    const member = await findOrgMember(tx, { orgId: input.orgId, memberId: input.memberId });
    if (member.role === input.role) return { changed: false, role: input.role };
    if (actor.role !== "owner" && (member.role === "owner" || input.role === "owner"))
      throw new DomainError("forbidden", "Only an owner can change an owner's role or make someone an owner.");
    await keepAnOwner(tx, { orgId: input.orgId, losing: member });

    const updated = await tx.member.updateMany({
      where: { id: member.id, organizationId: input.orgId, role: member.role },
      data: { role: input.role },
    });
    if (updated.count !== 1) throw new DomainError("conflict", "This member changed meanwhile. Reload and try again.");
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "member.role_changed",
      target: member.id,
      data: {
        userId: member.userId,
        name: member.user.name,
        email: member.user.email,
        from: member.role,
        to: input.role,
      },
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "member.role_changed",
      subject: { type: "member", id: member.id },
      actor: { kind: "user", id: input.actorUserId },
      data: { userId: member.userId, from: member.role, to: input.role },
    });
    return { changed: true, role: input.role };
  });
}
