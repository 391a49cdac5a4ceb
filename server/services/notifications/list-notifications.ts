import "server-only";
import { db } from "../../db";

/**
 * One member's notifications in one org, newest first, a page at a time
 * (cursor = last id seen; ids are time-ordered UUIDv7). The where names both
 * the user and the org, so nobody else's notification is ever listed.
 */
export async function listNotifications(input: {
  orgId: string;
  userId: string;
  cursor?: string | null;
  limit: number;
}) {
  const rows = await db.notification.findMany({
    where: {
      orgId: input.orgId,
      userId: input.userId,
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function countUnreadNotifications(input: { orgId: string; userId: string }): Promise<number> {
  return db.notification.count({ where: { orgId: input.orgId, userId: input.userId, readAt: null } });
}
