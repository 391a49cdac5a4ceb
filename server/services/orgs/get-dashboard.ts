import { db } from "../../db";
import { getOrgBalance } from "../ledger/get-balance";

/** The numbers on an org's dashboard, all scoped to that org. */
export async function getDashboard({ orgId }: { orgId: string }) {
  const now = new Date();
  const [balance, memberCount, pendingInvitationCount, activeApiKeyCount, activity] = await Promise.all([
    getOrgBalance({ orgId }),
    db.member.count({ where: { organizationId: orgId } }),
    db.invitation.count({ where: { organizationId: orgId, status: "pending", expiresAt: { gt: now } } }),
    db.apikey.count({
      where: { referenceId: orgId, enabled: true, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    }),
    db.auditLog.findMany({
      where: { orgId },
      orderBy: { id: "desc" },
      take: 8,
      select: { id: true, action: true, actorUserId: true, createdAt: true },
    }),
  ]);
  const actorIds = [...new Set(activity.flatMap((a) => (a.actorUserId ? [a.actorUserId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  return {
    balance,
    memberCount,
    pendingInvitationCount,
    activeApiKeyCount,
    recentActivity: activity.map((a) => ({
      id: a.id.toString(),
      action: a.action,
      actorName: a.actorUserId ? (nameOf.get(a.actorUserId) ?? null) : null,
      createdAt: a.createdAt,
    })),
  };
}
