import "server-only";
import { defineFunction } from "@/server/jobs/types";
import { resendLostBudgetAlerts } from "@/server/services/budgets/resend-lost-budget-alerts";

/** Every 15 minutes: re-send budget alerts committed without their event (window explained in the service). */
export default defineFunction(
  { id: "sweep-budget-alerts", trigger: { cron: "*/15 * * * *" }, retries: 1 },
  async ({ step }) => step.run("resend", () => resendLostBudgetAlerts({ now: new Date() })),
);
