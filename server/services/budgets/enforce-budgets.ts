import type { Tx } from "../../db";
import { sendEvent } from "../../jobs/send";
import { logger } from "../../logger";
import { recordAudit } from "../audit/record-audit";
import { BudgetExceededError } from "../ledger/errors";
import { monthKey, monthStart } from "../ledger/math";
import { monthSpend } from "./month-spend";

export const ALERT_PERCENT = 80;

export interface BudgetAlert {
  budgetId: string;
  orgId: string;
  departmentId: string | null;
  capCredits: number;
  spentCredits: number;
}

/**
 * Refuses an amount that would take the org's or the department's monthly
 * spend past its cap, and returns the budgets this amount takes to 80% or
 * more that have not alerted this month. Call it under the wallet lock so
 * concurrent holds are counted.
 */
export async function enforceBudgets(
  tx: Tx,
  input: { orgId: string; departmentId: string | null; amount: number; now: Date },
): Promise<BudgetAlert[]> {
  const scopes = input.departmentId ? ["org", input.departmentId] : ["org"];
  const budgets = await tx.budget.findMany({ where: { orgId: input.orgId, scope: { in: scopes } } });
  const alerts: BudgetAlert[] = [];
  for (const budget of budgets) {
    const departmentId = budget.scope === "org" ? null : budget.departmentId;
    const spent = await monthSpend(tx, { orgId: input.orgId, departmentId, now: input.now });
    const after = spent + input.amount;
    if (after > budget.monthlyCapCredits) {
      throw new BudgetExceededError(departmentId ? "department" : "org", budget.monthlyCapCredits, spent, input.amount);
    }
    const alertedThisMonth = budget.alertedAt !== null && budget.alertedAt >= monthStart(input.now);
    if (!alertedThisMonth && after * 100 >= budget.monthlyCapCredits * ALERT_PERCENT) {
      alerts.push({
        budgetId: budget.id,
        orgId: input.orgId,
        departmentId,
        capCredits: budget.monthlyCapCredits,
        spentCredits: after,
      });
    }
  }
  return alerts;
}

/**
 * Marks each alert sent for this month (conditional update: one alert per
 * budget per month however many holds race past 80%), audits it, and emits
 * `budget/threshold.crossed` with a per-month id so a re-send is a no-op.
 */
export async function recordBudgetAlerts(tx: Tx, alerts: BudgetAlert[], now: Date): Promise<void> {
  for (const alert of alerts) {
    const claimed = await tx.budget.updateMany({
      where: { id: alert.budgetId, OR: [{ alertedAt: null }, { alertedAt: { lt: monthStart(now) } }] },
      data: { alertedAt: now },
    });
    if (claimed.count === 0) continue;
    const month = monthKey(now);
    await recordAudit(tx, {
      orgId: alert.orgId,
      actorUserId: null,
      action: "budget.threshold_crossed",
      target: alert.budgetId,
      data: { month, capCredits: alert.capCredits, spentCredits: alert.spentCredits, departmentId: alert.departmentId },
    });
    try {
      await sendEvent({
        name: "budget/threshold.crossed",
        id: `budget-alert:${alert.budgetId}:${month}`,
        data: { ...alert, month },
      });
    } catch (error) {
      // The alert is recorded above and shown on the Credits page; a lost
      // notification must not refuse the task that crossed the line.
      logger.warn({ err: error, budgetId: alert.budgetId }, "budget alert event not sent");
    }
  }
}
