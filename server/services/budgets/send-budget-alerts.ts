import "server-only";
import type { EventData } from "@/inngest/events";
import { sendEvent } from "../../jobs/send";
import { logger } from "../../logger";
import { budgetAlertKey } from "./budget-alert-key";
import type { BudgetCrossing } from "./enforce-budgets";

/**
 * Sends `budget/threshold.crossed` for crossings whose transaction has
 * committed. Call it after the commit, never inside: an event sent from a
 * transaction that then rolls back would alert about a hold that does not
 * exist. The id is deterministic, so a retried send starts nothing twice.
 */
export async function sendBudgetAlerts(crossings: BudgetCrossing[]): Promise<void> {
  for (const crossing of crossings) {
    const data: EventData<"budget/threshold.crossed"> = {
      budgetId: crossing.budgetId,
      orgId: crossing.orgId,
      departmentId: crossing.departmentId,
      capCredits: crossing.capCredits,
      spentCredits: crossing.spentCredits,
      month: crossing.month,
      thresholdPercent: crossing.thresholdPercent,
    };
    try {
      await sendEvent({ name: "budget/threshold.crossed", id: budgetAlertKey(data), data });
    } catch (error) {
      // The crossing is committed (audited, shown on the Credits page); a lost
      // notification must not fail the task that crossed the line.
      logger.warn({ err: error, budgetId: crossing.budgetId }, "budget alert event not sent");
    }
  }
}
