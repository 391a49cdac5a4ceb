import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { startScheduledRuns } from "@/server/services/workflows/triggers/start-scheduled-runs";

/**
 * Every minute: a run for each schedule trigger that fired since. Each fire's
 * run is keyed by workflow, trigger and fire time, so an overlapping sweep or
 * a retry never starts it twice.
 */
export default defineFunction(
  { id: "start-scheduled-workflows", trigger: { cron: "* * * * *" }, retries: 2 },
  ({ step }) => step.run("start-due-runs", () => startScheduledRuns()),
);
