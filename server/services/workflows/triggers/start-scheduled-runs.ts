import "server-only";
import { db } from "../../../db";
import { logger } from "../../../logger";
import type { NodeOf, WorkflowGraph } from "../../../schemas/workflow-graph";
import { startWorkflowRun } from "../start-workflow-run";
import { readStoredGraph } from "../stored-graph";
import { lastFireTime } from "./schedule";

/**
 * How late a fire may still start its run. The sweep runs every minute; a
 * fire missed for longer (the app was down) is skipped rather than started
 * hours late, as cron itself does.
 */
export const SCHEDULE_GRACE_MS = 10 * 60_000;

type ScheduleTrigger = NodeOf<"trigger"> & { config: { kind: "schedule" } };

const scheduleTriggers = (graph: WorkflowGraph): ScheduleTrigger[] =>
  graph.nodes.filter((n): n is ScheduleTrigger => n.type === "trigger" && n.config.kind === "schedule");

/**
 * Starts a run for every schedule trigger of a published workflow that fired
 * within the grace period, and not before its version was published. The
 * idempotency key names the workflow, the trigger and the fire time, so every
 * process may sweep at once and each fire still starts exactly one run.
 */
export async function startScheduledRuns(now = new Date()): Promise<{ started: number; failed: number }> {
  // Only newest versions with a schedule trigger, found by the database.
  const rows = await db.$queryRaw<{ id: string; orgId: string; graph: unknown; publishedAt: Date }[]>`
    SELECT w."id", w."orgId", v."graph", v."createdAt" AS "publishedAt"
    FROM "Workflow" w
    JOIN "WorkflowVersion" v ON v."workflowId" = w."id" AND v."number" = w."latestVersion"
    WHERE w."archivedAt" IS NULL
      AND jsonb_path_exists(v."graph", '$.nodes[*] ? (@.type == "trigger" && @.config.kind == "schedule")')`;
  let started = 0;
  let failed = 0;
  for (const row of rows) {
    for (const trigger of scheduleTriggers(readStoredGraph(row.graph, `workflow ${row.id}`))) {
      const fired = safeLastFire(trigger, now);
      if (!fired || fired <= row.publishedAt || now.getTime() - fired.getTime() > SCHEDULE_GRACE_MS) continue;
      try {
        const run = await startWorkflowRun({
          orgId: row.orgId,
          actor: { kind: "system", id: "schedule" },
          workflowId: row.id,
          input: trigger.config.input ?? {},
          trigger: "SCHEDULE",
          idempotencyKey: `schedule:${row.id}:${trigger.id}:${fired.toISOString()}`,
        });
        if (run.created) started += 1;
      } catch (error) {
        // One workflow that cannot start (no credits, archived meanwhile) must not stop the others.
        failed += 1;
        logger.warn({ err: error, workflowId: row.id, trigger: trigger.id }, "scheduled workflow run not started");
      }
    }
  }
  return { started, failed };
}

/** A published graph's schedule was checked at publish; one that no longer parses is skipped, not fatal. */
function safeLastFire(trigger: ScheduleTrigger, now: Date): Date | null {
  try {
    return lastFireTime(trigger.config.cron, trigger.config.timeZone, now);
  } catch {
    return null;
  }
}
