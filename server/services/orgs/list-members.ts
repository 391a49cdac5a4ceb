import "server-only";
import { invitationUrl } from "../../auth/invitation-email";
import { db } from "../../db";

/** Members and open invitations of one org. Invitation links only for admins. */
export async function listMembers({
  orgId,
  includeInvitationLinks,
}: {
  orgId: string;
  includeInvitationLinks: boolean;
}) {
  const [members, invitations] = await Promise.all([
    db.member.findMany({
      where: { organizationId: orgId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.invitation.findMany({
      where: { organizationId: orgId, status: "pending", expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return {
    members: members.map((m) => ({
      id: m.id,
      userId: m.user.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt,
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role ?? "member",
      expiresAt: i.expiresAt,
      link: includeInvitationLinks ? invitationUrl(i.id) : "",
    })),
  };
}
