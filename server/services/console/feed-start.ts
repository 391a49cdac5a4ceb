import "server-only";
import { db } from "../../db";
import type { OrgEventType } from "../events/catalogue";

/** Events a console opened without a cursor shows from the past before it goes live. */
export const MAX_BACKLOG = 500;

/**
 * The cursor just before the org's `backlog` newest events (of `types`, when
 * given), so a stream started there replays them and then goes live; 0 when
 * the org has fewer. Walks Event(orgId, id) (or (orgId, type, id)) backwards
 * at most `backlog` rows.
 */
export async function backlogCursor(input: {
  orgId: string;
  backlog: number;
  types?: readonly OrgEventType[];
}): Promise<bigint> {
  const take = Math.min(Math.max(1, input.backlog), MAX_BACKLOG);
  const rows = await db.event.findMany({
    where: { orgId: input.orgId, ...(input.types?.length ? { type: { in: [...input.types] } } : {}) },
    orderBy: { id: "desc" },
    take,
    select: { id: true },
  });
  return rows.length < take ? 0n : rows.at(-1)!.id - 1n;
}
