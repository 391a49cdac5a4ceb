import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { sweepOpenCheckouts } from "@/server/services/billing/sweep-open-checkouts";

/** Every 15 minutes: re-check purchases whose webhook may have been lost (window explained in the service). */
export default defineFunction(
  { id: "sweep-open-checkouts", trigger: { cron: "*/15 * * * *" }, retries: 1 },
  async ({ step }) => step.run("sweep", () => sweepOpenCheckouts({ now: new Date() })),
);
