import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { Prisma } from "../../generated/prisma/client";
import { zSerialId } from "../../schemas/primitives";
import { describeAudit } from "./describe-audit";

export interface AuditLogFilter {
  action?: string | null;
  actorUserId?: string | null;
  /** Rows at or after this instant. */
  from?: Date | null;
  /** Rows strictly before this instant. */
  to?: Date | null;
}

export interface AuditLogRow {
  id: string;
  action: string;
  summary: string;
  actor: { id: string; name: string; email: string } | null;
  target: string | null;
  data: Record<string, unknown>;
  hash: string;
  createdAt: Date;
}

function whereOf(orgId: string, filter: AuditLogFilter, cursor: string | null | undefined): Prisma.AuditLogWhereInput {
  if (cursor && !zSerialId.safeParse(cursor).success)
    throw new DomainError("invalid_input", "That page link is not valid any more. Start again from the first page.");
  return {
    orgId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actorUserId ? { actorUserId: filter.actorUserId } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } }
      : {}),
    ...(cursor ? { id: { lt: BigInt(cursor) } } : {}),
  };
}

/** Names for actor ids and API key ids seen on a page, looked up once per page and only within the org. */
async function pageLookups(
  orgId: string,
  rows: { actorUserId: string | null; action: string; target: string | null }[],
) {
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const keyIds = [...new Set(rows.flatMap((r) => (r.action.startsWith("api_key.") && r.target ? [r.target] : [])))];
  const [actors, keys] = await Promise.all([
    actorIds.length
      ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true } })
      : [],
    keyIds.length
      ? db.apikey.findMany({ where: { id: { in: keyIds }, referenceId: orgId }, select: { id: true, name: true } })
      : [],
  ]);
  return {
    actors: new Map(actors.map((a) => [a.id, a])),
    apiKeyNames: new Map(keys.flatMap((k) => (k.name ? [[k.id, k.name] as const] : []))),
  };
}

/**
 * One org's audit log, newest first, a page at a time (cursor = the last
 * row id seen; ids only grow, so pages stay stable while rows are added).
 * Every row carries a sentence saying what happened.
 */
export async function listAuditLog(input: {
  orgId: string;
  filter?: AuditLogFilter;
  cursor?: string | null;
  limit: number;
}): Promise<{ items: AuditLogRow[]; nextCursor: string | null }> {
  const rows = await db.auditLog.findMany({
    where: whereOf(input.orgId, input.filter ?? {}, input.cursor),
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: { id: true, action: true, actorUserId: true, target: true, data: true, hash: true, createdAt: true },
  });
  const page = rows.slice(0, input.limit);
  const lookups = await pageLookups(input.orgId, page);
  return {
    items: page.map((row) => ({
      id: row.id.toString(),
      action: row.action,
      summary: describeAudit(row, lookups),
      actor: row.actorUserId ? (lookups.actors.get(row.actorUserId) ?? null) : null,
      target: row.target,
      data:
        row.data && typeof row.data === "object" && !Array.isArray(row.data)
          ? (row.data as Record<string, unknown>)
          : {},
      hash: row.hash,
      createdAt: row.createdAt,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}

/** Every row matching the filter, a page at a time (for exports). */
export async function* auditLogRows(input: { orgId: string; filter?: AuditLogFilter }): AsyncGenerator<AuditLogRow[]> {
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog({ ...input, cursor, limit: 1_000 });
    if (page.items.length) yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

/** What the filters can offer: the actions this org's log holds and the people who acted. */
export async function listAuditFilterOptions({ orgId }: { orgId: string }) {
  const [actions, actors] = await Promise.all([
    db.auditLog.groupBy({ by: ["action"], where: { orgId }, orderBy: { action: "asc" } }),
    db.auditLog.groupBy({ by: ["actorUserId"], where: { orgId, actorUserId: { not: null } } }),
  ]);
  const ids = actors.flatMap((a) => (a.actorUserId ? [a.actorUserId] : []));
  const users = ids.length
    ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : [];
  return { actions: actions.map((a) => a.action), actors: users };
}
