import "server-only";
import type { Tx } from "../../db";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { monthKey, monthStart } from "../ledger/math";

/**
 * A hold's budget checks (the org's cap, the task's department and every
 * department above it) run in SQL under the wallet lock: bureau_check_hold
 * (migration department_budget_rollup), called by bureau_place_hold and
 * bureau_accept_task. It returns the alerts below, which are claimed here.
 */
export const ALERT_PERCENT = 80;

export interface BudgetAlert {
  budgetId: string;
  orgId: string;
  departmentId: string | null;
  capCredits: number;
  spentCredits: number;
}

/** A budget this month's spend has just taken past its alert line, claimed in the hold's transaction. */
export interface BudgetCrossing extends BudgetAlert {
  month: string;
  thresholdPercent: number;
}

/**
 * Claims each alert for this month (conditional update: one alert per budget
 * per month however many holds race past 80%) and audits it, inside the
 * hold's transaction. Returns the claimed crossings for the caller to send
 * once that transaction has committed (sendBudgetAlerts), so a hold that
 * rolls back neither keeps the claim nor alerts anyone.
 */
export async function recordBudgetAlerts(tx: Tx, alerts: BudgetAlert[], now: Date): Promise<BudgetCrossing[]> {
  const crossings: BudgetCrossing[] = [];
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
    await recordEvent(tx, {
      orgId: alert.orgId,
      type: "budget.threshold_crossed",
      subject: { type: "budget", id: alert.departmentId ?? "org" },
      actor: { kind: "system", id: null },
      data: {
        departmentId: alert.departmentId,
        month,
        capCredits: alert.capCredits,
        spentCredits: alert.spentCredits,
        thresholdPercent: ALERT_PERCENT,
      },
    });
    crossings.push({ ...alert, month, thresholdPercent: ALERT_PERCENT });
  }
  return crossings;
}
