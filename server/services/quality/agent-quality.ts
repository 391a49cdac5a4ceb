import "server-only";
import { db } from "../../db";

export interface AgentQuality {
  /** Finished tasks (completed, failed, rejected, canceled) across every buyer org, sandbox test runs left out. */
  taskCount: number;
  completedCount: number;
  /** Failed or rejected. */
  failedCount: number;
  canceledCount: number;
  /** completed / (finished - canceled): a buyer's cancel says nothing about the agent. Null before any such task. */
  successRate: number | null;
  /** Duration percentiles of completed tasks, in whole ms (Postgres percentile_cont, interpolated, then rounded). */
  p50DurationMs: number | null;
  p95DurationMs: number | null;
  /** Average price of completed tasks, i.e. what buyers actually paid per task. */
  avgCost: number | null;
  ratingAvg: number | null;
  ratingCount: number;
}

interface TaskRow {
  taskCount: number;
  completedCount: number;
  failedCount: number;
  canceledCount: number;
  p50: number | null;
  p95: number | null;
  avgCost: number | null;
}

/** Quality of one agent measured from its real tasks and reviews. */
export async function getAgentQuality({ agentId }: { agentId: string }): Promise<AgentQuality> {
  const [[tasks], [reviews]] = await Promise.all([
    db.$queryRaw<TaskRow[]>`
      SELECT count(*)::int AS "taskCount",
             count(*) FILTER (WHERE state = 'COMPLETED')::int AS "completedCount",
             count(*) FILTER (WHERE state IN ('FAILED', 'REJECTED'))::int AS "failedCount",
             count(*) FILTER (WHERE state = 'CANCELED')::int AS "canceledCount",
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs")
               FILTER (WHERE state = 'COMPLETED' AND "durationMs" IS NOT NULL) AS "p50",
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs")
               FILTER (WHERE state = 'COMPLETED' AND "durationMs" IS NOT NULL) AS "p95",
             (avg(price) FILTER (WHERE state = 'COMPLETED'))::float8 AS "avgCost"
        FROM "Task"
       WHERE "agentId" = ${agentId} AND state IN ('COMPLETED', 'FAILED', 'REJECTED', 'CANCELED')
         -- A seller's free test runs of a draft say nothing about what buyers get.
         AND source <> 'SANDBOX'`,
    db.$queryRaw<{ ratingAvg: number | null; ratingCount: number }[]>`
      SELECT avg(rating)::float8 AS "ratingAvg", count(*)::int AS "ratingCount"
        FROM "Review" WHERE "agentId" = ${agentId}`,
  ]);
  const t = tasks!;
  const judged = t.taskCount - t.canceledCount;
  return {
    taskCount: t.taskCount,
    completedCount: t.completedCount,
    failedCount: t.failedCount,
    canceledCount: t.canceledCount,
    successRate: judged > 0 ? t.completedCount / judged : null,
    p50DurationMs: t.p50 === null ? null : Math.round(t.p50),
    p95DurationMs: t.p95 === null ? null : Math.round(t.p95),
    avgCost: t.avgCost,
    ratingAvg: reviews?.ratingAvg ?? null,
    ratingCount: reviews?.ratingCount ?? 0,
  };
}

/** The quality of a published agent by its slug; null when no published agent has that slug. */
export async function getPublishedAgentQuality({ slug }: { slug: string }): Promise<AgentQuality | null> {
  const agent = await db.agent.findFirst({ where: { slug, status: "PUBLISHED" }, select: { id: true } });
  return agent ? getAgentQuality({ agentId: agent.id }) : null;
}
