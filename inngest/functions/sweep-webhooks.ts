import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { sweepWebhooks } from "@/server/services/webhooks/sweep-webhooks";

/** Every minute: catch endpoints up from their cursors and restart lost delivery runs (see the service). */
export default defineFunction({ id: "sweep-webhooks", trigger: { cron: "* * * * *" }, retries: 1 }, async ({ step }) =>
  step.run("sweep", () => sweepWebhooks({ now: new Date() })),
);
