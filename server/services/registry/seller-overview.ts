import "server-only";
import { db } from "../../db";
import { monthStart } from "../ledger/math";

/**
 * Credits the org earned per listing since `since`: the capture entries on
 * its SELLER_PENDING account (the seller's share of each completed task;
 * the platform fee went to revenue), joined to the task by the capture's
 * business key. This is the ledger's own record, so it cannot drift from
 * the balances the payouts page shows.
 */
async function earningsByListing(orgId: string, since: Date, agentIds?: string[]) {
  const rows = await db.$queryRaw<{ agentId: string; credits: bigint }[]>`
    SELECT t."agentId", sum(e.amount)::bigint AS credits
      FROM "LedgerAccount" acc
      JOIN "LedgerEntry" e ON e."accountId" = acc.id
      JOIN "LedgerTransaction" x ON x.id = e."transactionId" AND x.kind = 'capture'
      JOIN "Task" t ON t.id = substr(x.key, length('capture:') + 1)
     WHERE acc."orgId" = ${orgId} AND acc.kind = 'SELLER_PENDING' AND x."createdAt" >= ${since}
       AND (${agentIds ?? null}::text[] IS NULL OR t."agentId" = ANY(${agentIds ?? null}::text[]))
     GROUP BY t."agentId"`;
  return new Map(rows.map((r) => [r.agentId, Number(r.credits)]));
}

/**
 * Buyers' tasks per listing since `since` (the seller's own runs, test runs
 * among them, are not counted), and how many of them completed.
 */
async function tasksByListing(orgId: string, since: Date, agentIds?: string[]) {
  const rows = await db.$queryRaw<{ agentId: string; tasks: bigint; completed: bigint }[]>`
    SELECT t."agentId", count(*)::bigint AS tasks, count(*) FILTER (WHERE t.state = 'COMPLETED')::bigint AS completed
      FROM "Task" t
      JOIN "Agent" a ON a.id = t."agentId"
     WHERE a."orgId" = ${orgId} AND t."orgId" <> ${orgId} AND t."createdAt" >= ${since}
       AND (${agentIds ?? null}::text[] IS NULL OR t."agentId" = ANY(${agentIds ?? null}::text[]))
     GROUP BY t."agentId"`;
  return new Map(rows.map((r) => [r.agentId, { tasks: Number(r.tasks), completed: Number(r.completed) }]));
}

/** This month's earnings and buyers' tasks of some of the org's listings (a page of the listings table). */
export async function listingMonthNumbers(input: { orgId: string; agentIds: string[]; now?: Date }) {
  const since = monthStart(input.now ?? new Date());
  const [earnings, tasks] = await Promise.all([
    earningsByListing(input.orgId, since, input.agentIds),
    tasksByListing(input.orgId, since, input.agentIds),
  ]);
  return (agentId: string) => ({
    earningsThisMonth: earnings.get(agentId) ?? 0,
    tasksThisMonth: tasks.get(agentId)?.tasks ?? 0,
  });
}

/**
 * The seller's first screen: what the org earned this month and what is
 * waiting to be paid, buyers' tasks, the rating buyers give, the health of
 * its live listings. Every query names
 * the org, so there is nothing of another seller to see.
 */
export async function getSellerOverview({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const since = monthStart(now);
  const [earnings, tasks, balances, ratings, unanswered, live] = await Promise.all([
    earningsByListing(orgId, since),
    tasksByListing(orgId, since),
    db.ledgerAccount.findMany({
      where: { orgId, kind: { in: ["SELLER_PENDING", "SELLER_AVAILABLE"] } },
      select: { kind: true, balance: true },
    }),
    db.review.aggregate({ where: { agent: { orgId } }, _avg: { rating: true }, _count: { _all: true } }),
    db.review.count({ where: { agent: { orgId }, sellerReply: null } }),
    db.agent.groupBy({
      by: ["health", "healthFlagged"],
      where: { orgId, status: "PUBLISHED" },
      _count: { _all: true },
    }),
  ]);
  const balance = (kind: string) => balances.find((b) => b.kind === kind)?.balance ?? 0;
  const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
  const liveCount = (match: (row: (typeof live)[number]) => boolean) =>
    sum(live.filter(match).map((row) => row._count._all));
  const taskTotals = [...tasks.values()];
  return {
    monthStart: since,
    earnings: {
      thisMonth: sum(earnings.values()),
      pending: balance("SELLER_PENDING"),
      available: balance("SELLER_AVAILABLE"),
    },
    tasks: {
      thisMonth: sum(taskTotals.map((t) => t.tasks)),
      completedThisMonth: sum(taskTotals.map((t) => t.completed)),
    },
    rating: { average: ratings._avg.rating, count: ratings._count._all, unanswered },
    health: {
      live: liveCount(() => true),
      healthy: liveCount((r) => r.health === "HEALTHY" && !r.healthFlagged),
      failing: liveCount((r) => r.health === "FAILING" || r.healthFlagged),
      unchecked: liveCount((r) => r.health === "UNKNOWN" && !r.healthFlagged),
    },
  };
}
