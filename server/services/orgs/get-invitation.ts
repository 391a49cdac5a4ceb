import "server-only";
import { db } from "../../db";

/** Public details of an invitation: shown to whoever holds its link. */
export async function getInvitation({ invitationId }: { invitationId: string }) {
  const invitation = await db.invitation.findUnique({
    where: { id: invitationId },
    select: {
      email: true,
      role: true,
      status: true,
      expiresAt: true,
      organization: { select: { id: true, name: true } },
      inviter: { select: { name: true } },
    },
  });
  if (!invitation) return null;
  const expired = invitation.expiresAt.getTime() <= Date.now();
  return {
    email: invitation.email,
    role: invitation.role ?? "member",
    status: expired && invitation.status === "pending" ? "expired" : invitation.status,
    expiresAt: invitation.expiresAt,
    orgId: invitation.organization.id,
    orgName: invitation.organization.name,
    inviterName: invitation.inviter.name,
  };
}
