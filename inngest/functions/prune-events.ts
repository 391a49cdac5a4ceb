import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { pruneOrgEvents } from "@/server/services/events/prune-org-events";

/** Daily at 03:17 UTC: drop org events past EVENT_RETENTION_DAYS (in batches). */
export default defineFunction({ id: "prune-events", trigger: { cron: "17 3 * * *" }, retries: 2 }, async ({ step }) =>
  step.run("prune", async () => {
    const { deleted, cutoff } = await pruneOrgEvents({ now: new Date() });
    return { deleted, cutoff: cutoff.toISOString() };
  }),
);
