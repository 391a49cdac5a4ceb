import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { emailNotifications } from "@/server/services/notifications/email-notifications";
import { createBudgetAlertNotifications } from "@/server/services/notifications/notify-budget-threshold";

/**
 * budget/threshold.crossed: tell the org's owners and admins, in the bell and
 * (when SMTP is set) by email. Both steps are idempotent on their own (unique
 * source key per user; emails claimed per row), so a replay adds nothing.
 */
export default defineFunction<EventData<"budget/threshold.crossed">>(
  { id: "notify-budget-threshold", trigger: { event: "budget/threshold.crossed" }, retries: 5 },
  async ({ event, step }) => {
    const { sourceKey, created } = await step.run("create-notifications", () =>
      createBudgetAlertNotifications(event.data),
    );
    const { emailed } = await step.run("email-notifications", () => emailNotifications({ sourceKey }));
    return { created, emailed };
  },
);
