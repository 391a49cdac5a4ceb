import "server-only";
import { db } from "../../db";
import { monthKey, monthStart } from "../ledger/math";
import { monthSpend } from "../budgets/month-spend";
import { inFlightByAgent, latencyByAgent, spendPerHour, throughputPerMinute } from "./console-windows";

const HOUR_MS = 3_600_000;

/** Hours in the UTC month containing `at` (672 to 744): the budget's hourly pace divides the cap by it. */
export function hoursInMonth(at: Date): number {
  const start = monthStart(at);
  const next = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  return (next - start.getTime()) / HOUR_MS;
}

/**
 * The monitoring console's figures for one org, every read scoped by orgId
 * (so another org's tasks never count) and bounded by a time window or the
 * live states (see console-windows.ts for the index serving each).
 * Approvals have no model yet: the console says so instead of showing a number.
 */
export async function getConsoleSnapshot({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const [inFlight, throughput, latency, spend, budget, committed] = await Promise.all([
    inFlightByAgent(orgId),
    throughputPerMinute(orgId, now),
    latencyByAgent(orgId, now),
    spendPerHour(orgId, now),
    // Budget(orgId, scope) is unique.
    db.budget.findUnique({ where: { orgId_scope: { orgId, scope: "org" } }, select: { monthlyCapCredits: true } }),
    monthSpend(db, { orgId, departmentId: null, now }),
  ]);
  // The agents the org used: running now or finished in the last day. Read by primary key.
  const agentIds = [...new Set([...inFlight.map((l) => l.agentId), ...latency.map((l) => l.agentId)])];
  const agents = agentIds.length
    ? await db.agent.findMany({
        where: { id: { in: agentIds } },
        select: {
          id: true,
          name: true,
          slug: true,
          health: true,
          healthFailures: true,
          lastCheckedAt: true,
          lastLatencyMs: true,
        },
      })
    : [];
  const byId = new Map(agents.map((a) => [a.id, a]));
  const named = <T extends { agentId: string }>(line: T) => ({
    ...line,
    agentName: byId.get(line.agentId)?.name ?? "Unknown agent",
    agentSlug: byId.get(line.agentId)?.slug ?? null,
  });
  const cap = budget?.monthlyCapCredits ?? null;
  return {
    generatedAt: now,
    inFlight: { total: inFlight.reduce((sum, l) => sum + l.total, 0), byAgent: inFlight.map(named) },
    throughput,
    latency: latency.map(named),
    spend: {
      month: monthKey(now),
      perHour: spend,
      last24hCredits: spend.reduce((sum, h) => sum + h.credits, 0),
      /** Captured this month plus on hold: what the budget counts. */
      monthCommittedCredits: committed,
      capCredits: cap,
      /** The cap spread evenly over the month's hours: the line spend should stay under. */
      hourlyPaceCredits: cap === null ? null : cap / hoursInMonth(now),
    },
    agentHealth: agents
      .map((a) => ({
        agentId: a.id,
        agentName: a.name,
        agentSlug: a.slug,
        health: a.health,
        consecutiveFailures: a.healthFailures,
        lastCheckedAt: a.lastCheckedAt,
        lastLatencyMs: a.lastLatencyMs,
      }))
      .sort((a, b) => a.agentName.localeCompare(b.agentName)),
    approvals: { available: false as const },
  };
}
