import "server-only";
import { db } from "../../db";

/** The orgs a user belongs to, with their role, and which one is active. */
export async function listMyOrgs({ userId, activeOrgId }: { userId: string; activeOrgId: string | null }) {
  const memberships = await db.member.findMany({
    where: { userId },
    orderBy: { organization: { name: "asc" } },
    select: { role: true, organization: { select: { id: true, name: true, slug: true } } },
  });
  const orgs = memberships.map((m) => ({ ...m.organization, role: m.role }));
  const active = orgs.find((org) => org.id === activeOrgId) ?? orgs[0] ?? null;
  return { activeOrgId: active?.id ?? null, orgs };
}
