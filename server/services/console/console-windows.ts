import "server-only";
import { db } from "../../db";

/** The per-minute window of the throughput chart, the current minute included. */
export const THROUGHPUT_MINUTES = 60;
/** The window of the latency percentiles and the spend-per-hour chart, the current hour included. */
export const DAY_HOURS = 24;
/** Agents listed in the latency table (the busiest first). */
export const MAX_LATENCY_AGENTS = 20;
/** Agents in the in-flight table; an org running tasks on more at once sees the busiest. */
export const MAX_IN_FLIGHT_AGENTS = 50;

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const floorTo = (at: Date, ms: number) => new Date(Math.floor(at.getTime() / ms) * ms);

/**
 * Tasks in flight, per agent and state. Served by Task(orgId, state): only
 * rows in the three live states are read, and those are bounded by the
 * org's credits (each holds its price).
 */
export async function inFlightByAgent(orgId: string) {
  const rows = await db.$queryRaw<{ agentId: string; state: string; count: number }[]>`
    SELECT "agentId", state::text AS state, count(*)::int AS count
      FROM "Task"
     WHERE "orgId" = ${orgId} AND state IN ('SUBMITTED', 'WORKING', 'INPUT_REQUIRED')
     GROUP BY 1, 2`;
  const byAgent = new Map<string, { agentId: string; submitted: number; working: number; inputRequired: number }>();
  for (const row of rows) {
    const line = byAgent.get(row.agentId) ?? { agentId: row.agentId, submitted: 0, working: 0, inputRequired: 0 };
    if (row.state === "SUBMITTED") line.submitted += row.count;
    else if (row.state === "WORKING") line.working += row.count;
    else line.inputRequired += row.count;
    byAgent.set(row.agentId, line);
  }
  const total = (l: { submitted: number; working: number; inputRequired: number }) =>
    l.submitted + l.working + l.inputRequired;
  return [...byAgent.values()]
    .map((l) => ({ ...l, total: total(l) }))
    .sort((a, b) => b.total - a.total || a.agentId.localeCompare(b.agentId))
    .slice(0, MAX_IN_FLIGHT_AGENTS);
}

/**
 * Tasks that finished in each minute of the last hour (every minute present,
 * 0 when none): completed, and failed (FAILED or REJECTED; a cancel is the
 * buyer's choice, not a failure, but still counts as finished). Served by
 * Task(orgId, finishedAt): a range scan of one hour of the org's tasks.
 */
export async function throughputPerMinute(orgId: string, now: Date) {
  const last = floorTo(now, MINUTE_MS);
  const first = new Date(last.getTime() - (THROUGHPUT_MINUTES - 1) * MINUTE_MS);
  const rows = await db.$queryRaw<{ minute: string; finished: number; completed: number; failed: number }[]>`
    SELECT to_char(m.minute, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS minute,
           count(t.id)::int AS finished,
           count(t.id) FILTER (WHERE t.state = 'COMPLETED')::int AS completed,
           count(t.id) FILTER (WHERE t.state IN ('FAILED', 'REJECTED'))::int AS failed
      FROM generate_series(${first}::timestamp, ${last}::timestamp, interval '1 minute') AS m(minute)
      LEFT JOIN "Task" t
        ON t."orgId" = ${orgId}
       AND t."finishedAt" >= ${first}::timestamp AND t."finishedAt" < ${last}::timestamp + interval '1 minute'
       AND date_trunc('minute', t."finishedAt") = m.minute
     GROUP BY m.minute
     ORDER BY m.minute`;
  return rows;
}

/**
 * p50/p95 duration of the tasks each agent completed in the last 24 hours,
 * with how many finished and failed, the busiest agents first. Served by
 * Task(orgId, finishedAt): one day of the org's finished tasks.
 */
export async function latencyByAgent(orgId: string, now: Date) {
  const since = new Date(floorTo(now, HOUR_MS).getTime() - (DAY_HOURS - 1) * HOUR_MS);
  const rows = await db.$queryRaw<
    { agentId: string; finished: number; failed: number; p50: number | null; p95: number | null }[]
  >`
    SELECT "agentId",
           count(*)::int AS finished,
           count(*) FILTER (WHERE state IN ('FAILED', 'REJECTED'))::int AS failed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs")
             FILTER (WHERE state = 'COMPLETED' AND "durationMs" IS NOT NULL) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs")
             FILTER (WHERE state = 'COMPLETED' AND "durationMs" IS NOT NULL) AS p95
      FROM "Task"
     WHERE "orgId" = ${orgId} AND "finishedAt" >= ${since}::timestamp
     GROUP BY "agentId"
     ORDER BY finished DESC, "agentId"
     LIMIT ${MAX_LATENCY_AGENTS}`;
  return rows.map((r) => ({
    agentId: r.agentId,
    finished: r.finished,
    failed: r.failed,
    p50Ms: r.p50 === null ? null : Math.round(r.p50),
    p95Ms: r.p95 === null ? null : Math.round(r.p95),
  }));
}

/**
 * Credits captured in each hour of the last 24 (every hour present). A
 * capture is the task's settlement, which follows its finish, so the read
 * goes through Task(orgId, finishedAt) (from an hour before the window, for
 * a settlement that lagged) and joins each task's one hold by
 * CreditHold(taskId) (unique); the hour is the capture's.
 */
export async function spendPerHour(orgId: string, now: Date) {
  const last = floorTo(now, HOUR_MS);
  const first = new Date(last.getTime() - (DAY_HOURS - 1) * HOUR_MS);
  const rows = await db.$queryRaw<{ hour: string; credits: number }[]>`
    WITH captured AS (
      SELECT date_trunc('hour', h."settledAt") AS hour, h.amount
        FROM "Task" t
        JOIN "CreditHold" h ON h."taskId" = t.id
       WHERE t."orgId" = ${orgId}
         AND t."finishedAt" >= ${first}::timestamp - interval '1 hour'
         AND h.status = 'CAPTURED'
         AND h."settledAt" >= ${first}::timestamp AND h."settledAt" < ${last}::timestamp + interval '1 hour'
    )
    SELECT to_char(g.hour, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS hour, coalesce(sum(c.amount), 0)::int AS credits
      FROM generate_series(${first}::timestamp, ${last}::timestamp, interval '1 hour') AS g(hour)
      LEFT JOIN captured c ON c.hour = g.hour
     GROUP BY g.hour
     ORDER BY g.hour`;
  return rows;
}
