import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";

/**
 * Marks some (`ids`) or all of a member's notifications in one org as read.
 * An id that is not this member's in this org is "not found", and then
 * nothing is marked; marking a read notification again changes nothing.
 */
export async function markNotificationsRead(input: {
  orgId: string;
  userId: string;
  target: { ids: string[] } | { all: true };
  now?: Date;
}): Promise<{ updated: number }> {
  const mine = { orgId: input.orgId, userId: input.userId };
  const readAt = input.now ?? new Date();
  if ("all" in input.target) {
    const { count } = await db.notification.updateMany({ where: { ...mine, readAt: null }, data: { readAt } });
    return { updated: count };
  }
  const ids = [...new Set(input.target.ids)];
  return db.$transaction(async (tx) => {
    const owned = await tx.notification.count({ where: { ...mine, id: { in: ids } } });
    if (owned !== ids.length) throw new DomainError("not_found", "Notification not found.");
    const { count } = await tx.notification.updateMany({
      where: { ...mine, id: { in: ids }, readAt: null },
      data: { readAt },
    });
    return { updated: count };
  });
}
