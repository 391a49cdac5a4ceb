import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { DomainError } from "../../errors";
import { hasRole } from "../../auth/roles";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { findOrgMember, forgetActiveOrg, keepAnOwner, lockOrgMembership } from "./member-lock";

/**
 * Removes someone from the org (owners and admins; only an owner removes an
 * owner, and never the last one). Removing yourself is leaving (leaveOrg).
 */
export async function removeMember(input: {
  orgId: string;
  actorUserId: string;
  memberId: string;
}): Promise<{ removed: true }> {
  return eventTransaction(async (tx) => {
    const actor = await lockOrgMembership(tx, { orgId: input.orgId, userId: input.actorUserId });
    const member = await findOrgMember(tx, { orgId: input.orgId, memberId: input.memberId });
    if (member.id === actor.id)
      throw new DomainError("invalid_input", "To remove yourself, leave the organization instead.");
    if (!hasRole(actor.role, "admin")) throw new DomainError("forbidden", "Only owners and admins can remove members.");
    if (member.role === "owner" && actor.role !== "owner")
      throw new DomainError("forbidden", "Only an owner can remove another owner.");
    await keepAnOwner(tx, { orgId: input.orgId, losing: member });

    const deleted = await tx.member.deleteMany({
      where: { id: member.id, organizationId: input.orgId, role: member.role },
    });
    if (deleted.count !== 1) throw new DomainError("conflict", "This member changed meanwhile. Reload and try again.");
    await forgetActiveOrg(tx, { orgId: input.orgId, userId: member.userId });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "member.removed",
      target: member.id,
      data: { userId: member.userId, name: member.user.name, email: member.user.email, role: member.role },
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "member.removed",
      subject: { type: "member", id: member.id },
      actor: { kind: "user", id: input.actorUserId },
      data: { userId: member.userId, role: member.role },
    });
    return { removed: true };
  });
}
