import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { DomainError } from "../../errors";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { forgetActiveOrg, keepAnOwner, lockOrgMembership } from "./member-lock";

/** The caller leaves the org, unless they are its last owner. */
export async function leaveOrg(input: { orgId: string; userId: string }): Promise<{ left: true }> {
  return eventTransaction(async (tx) => {
    const me = await lockOrgMembership(tx, input);
    await keepAnOwner(tx, { orgId: input.orgId, losing: me });
    const deleted = await tx.member.deleteMany({
      where: { id: me.id, organizationId: input.orgId, role: me.role },
    });
    if (deleted.count !== 1)
      throw new DomainError("conflict", "Your membership changed meanwhile. Reload and try again.");
    await forgetActiveOrg(tx, input);
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "member.left",
      target: me.id,
      data: { userId: me.userId, name: me.user.name, email: me.user.email, role: me.role },
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "member.left",
      subject: { type: "member", id: me.id },
      actor: { kind: "user", id: input.userId },
      data: { userId: me.userId, role: me.role },
    });
    return { left: true };
  });
}
