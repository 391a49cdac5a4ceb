import "server-only";
import { db } from "../../db";
import { listAuditLog } from "../audit/list-audit-log";
import { listBudgets } from "../budgets/list-budgets";
import { getOrgBalance } from "../ledger/get-balance";
import { monthStart } from "../ledger/math";

const DAY_MS = 86_400_000;
/** Days the spend chart covers, today included. */
export const SPEND_CHART_DAYS = 30;
const IN_FLIGHT = ["SUBMITTED", "WORKING", "INPUT_REQUIRED"] as const;

const dayKey = (at: Date) => at.toISOString().slice(0, 10);

/** Charged credits per UTC day over the chart's window, every day present (0 when nothing was charged). */
async function spendByDay(orgId: string, now: Date) {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (SPEND_CHART_DAYS - 1) * DAY_MS);
  // settledAt is a UTC timestamp without time zone, so date_trunc gives the UTC day.
  const rows = await db.$queryRaw<{ day: string; credits: bigint }[]>`
    SELECT to_char(date_trunc('day', "settledAt"), 'YYYY-MM-DD') AS day, sum(amount)::bigint AS credits
    FROM "CreditHold"
    WHERE "orgId" = ${orgId} AND status = 'CAPTURED' AND "settledAt" >= ${since}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, Number(r.credits)]));
  return Array.from({ length: SPEND_CHART_DAYS }, (_, i) => {
    const day = dayKey(new Date(since.getTime() + i * DAY_MS));
    return { day, credits: byDay.get(day) ?? 0 };
  });
}

/** The agents this org spent most on this month (charged credits), with how many runs that took. */
async function topAgents(orgId: string, now: Date) {
  const rows = await db.$queryRaw<{ id: string; name: string; slug: string; credits: bigint; runs: bigint }[]>`
    SELECT a.id, a.name, a.slug, sum(h.amount)::bigint AS credits, count(*)::bigint AS runs
    FROM "CreditHold" h
    JOIN "Task" t ON t.id = h."taskId" AND t."orgId" = h."orgId"
    JOIN "Agent" a ON a.id = t."agentId"
    WHERE h."orgId" = ${orgId} AND h.status = 'CAPTURED' AND h."settledAt" >= ${monthStart(now)}
    GROUP BY a.id, a.name, a.slug
    ORDER BY credits DESC, a.name ASC
    LIMIT 5`;
  return rows.map((r) => ({ ...r, credits: Number(r.credits), runs: Number(r.runs) }));
}

const RUN_SELECT = {
  id: true,
  state: true,
  price: true,
  createdAt: true,
  agent: { select: { name: true, slug: true } },
} as const;

/** What the owner of a company looks at first: money this month, runs, and what happened. All scoped to the org. */
export async function getDashboard({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const [
    balance,
    budgets,
    charged,
    spend,
    agents,
    inFlightCount,
    inFlight,
    recentRuns,
    runsThisMonth,
    activity,
    counts,
  ] = await Promise.all([
    getOrgBalance({ orgId }),
    listBudgets({ orgId, now }),
    db.creditHold.aggregate({
      where: { orgId, status: "CAPTURED", settledAt: { gte: monthStart(now) } },
      _sum: { amount: true },
    }),
    spendByDay(orgId, now),
    topAgents(orgId, now),
    db.task.count({ where: { orgId, state: { in: [...IN_FLIGHT] } } }),
    db.task.findMany({
      where: { orgId, state: { in: [...IN_FLIGHT] } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: RUN_SELECT,
    }),
    db.task.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, take: 6, select: RUN_SELECT }),
    db.task.count({ where: { orgId, createdAt: { gte: monthStart(now) } } }),
    listAuditLog({ orgId, limit: 8 }),
    Promise.all([
      db.member.count({ where: { organizationId: orgId } }),
      db.invitation.count({ where: { organizationId: orgId, status: "pending", expiresAt: { gt: now } } }),
      db.apikey.count({
        where: { referenceId: orgId, enabled: true, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      }),
    ]),
  ]);
  const [memberCount, pendingInvitationCount, activeApiKeyCount] = counts;
  const toRun = (t: (typeof recentRuns)[number]) => ({
    id: t.id,
    state: t.state,
    price: t.price,
    createdAt: t.createdAt,
    agentName: t.agent.name,
    agentSlug: t.agent.slug,
  });
  return {
    balance,
    memberCount,
    pendingInvitationCount,
    activeApiKeyCount,
    month: {
      key: budgets.month,
      /** Charged plus on hold this month: what the budget counts. */
      committedCredits: budgets.org.spentCredits,
      chargedCredits: charged._sum.amount ?? 0,
      capCredits: budgets.org.capCredits,
      percent: budgets.org.percent,
      alert: budgets.org.alert,
      runs: runsThisMonth,
    },
    spendByDay: spend,
    topAgents: agents,
    runsInFlight: { count: inFlightCount, items: inFlight.map(toRun) },
    recentRuns: recentRuns.map(toRun),
    recentActivity: activity.items.map((a) => ({
      id: a.id,
      action: a.action,
      summary: a.summary,
      actorName: a.actor?.name ?? null,
      createdAt: a.createdAt,
    })),
  };
}
