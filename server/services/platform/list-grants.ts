import "server-only";
import { db } from "../../db";

/** Every credit grant across orgs, newest first, from the audit log (cursor = last audit id seen). */
export async function listGrants(input: { cursor?: string | null; limit: number }) {
  const rows = await db.auditLog.findMany({
    where: { action: "credits.granted", ...(input.cursor ? { id: { lt: BigInt(input.cursor) } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: { id: true, data: true, createdAt: true, actorUserId: true, org: { select: { id: true, name: true } } },
  });
  const page = rows.slice(0, input.limit);
  const actorIds = [...new Set(page.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const nameOf = new Map(actors.map((a) => [a.id, a.name]));
  return {
    items: page.map((row) => {
      const data = row.data && typeof row.data === "object" && !Array.isArray(row.data) ? row.data : {};
      return {
        id: row.id.toString(),
        orgName: row.org?.name ?? "—",
        amount: typeof data.amount === "number" ? data.amount : 0,
        reason: typeof data.reason === "string" ? data.reason : "",
        actorName: row.actorUserId ? (nameOf.get(row.actorUserId) ?? "Unknown user") : "Bureau (automatic)",
        createdAt: row.createdAt,
      };
    }),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
