import "server-only";
import { db } from "../../db";
import type { EventActor, OrgEventType, OrgEventView } from "./catalogue";

export const MAX_EVENTS_PAGE = 500;

export interface OrgEventFilter {
  /** Only these types (none: every type). */
  types?: readonly OrgEventType[];
  /** Only events about this subject id. */
  subjectId?: string;
}

interface EventRow {
  id: bigint;
  type: string;
  subjectType: string;
  subjectId: string;
  actorKind: string;
  actorId: string | null;
  data: unknown;
  createdAt: Date;
}

const SELECT = {
  id: true,
  type: true,
  subjectType: true,
  subjectId: true,
  actorKind: true,
  actorId: true,
  data: true,
  createdAt: true,
} as const;

export function toOrgEventView(row: EventRow): OrgEventView {
  return {
    id: row.id.toString(),
    type: row.type as OrgEventType, // written only through the catalogue (recordEvent, the triggers)
    subject: { type: row.subjectType, id: row.subjectId },
    actor: { kind: row.actorKind, id: row.actorId } as EventActor,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The org's events after `after`, in id order, at most `limit`. `next` is
 * where to continue (the last id returned, or `after` itself when nothing
 * came): passing it back never skips or repeats an event, because an org's
 * ids become visible in order (see prisma/schema/events.prisma). Another
 * org's events are never read: orgId is in the where.
 */
export async function listOrgEvents(
  input: { orgId: string; after: bigint; limit: number } & OrgEventFilter,
): Promise<{ events: OrgEventView[]; next: string; hasMore: boolean }> {
  const limit = Math.min(Math.max(1, input.limit), MAX_EVENTS_PAGE);
  const rows = await db.event.findMany({
    where: {
      orgId: input.orgId,
      id: { gt: input.after },
      ...(input.types?.length ? { type: { in: [...input.types] } } : {}),
      ...(input.subjectId !== undefined ? { subjectId: input.subjectId } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: SELECT,
  });
  const page = rows.slice(0, limit);
  return {
    events: page.map(toOrgEventView),
    next: (page.at(-1)?.id ?? input.after).toString(),
    hasMore: rows.length > limit,
  };
}

/** The org's newest event id (0 when it has none): where a stream without a cursor starts. */
export async function latestOrgEventId(orgId: string): Promise<bigint> {
  const last = await db.event.findFirst({ where: { orgId }, orderBy: { id: "desc" }, select: { id: true } });
  return last?.id ?? 0n;
}
