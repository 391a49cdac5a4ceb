import "server-only";
import type { Tx } from "../../db";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { BudgetExceededError } from "../ledger/errors";
import { monthKey, monthStart } from "../ledger/math";
import { monthSpend } from "./month-spend";

export const ALERT_PERCENT = 80;

/** What enforcing a budget reads of it. */
export interface BudgetRow {
  id: string;
  scope: string;
  departmentId: string | null;
  monthlyCapCredits: number;
  alertedAt: Date | null;
}

/** The budget scopes a task's spend counts against: the org's, and its department's if it has one. */
export const budgetScopes = (departmentId: string | null) => (departmentId ? ["org", departmentId] : ["org"]);

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
  input: {
    orgId: string;
    departmentId: string | null;
    amount: number;
    now: Date;
    /** The budgets in scope, when the caller read them already (budgetScopes), e.g. with its wallet lock. */
    budgets?: BudgetRow[];
  },
): Promise<BudgetAlert[]> {
  const budgets =
    input.budgets ??
    (await tx.budget.findMany({
      where: { orgId: input.orgId, scope: { in: budgetScopes(input.departmentId) } },
      select: { id: true, scope: true, departmentId: true, monthlyCapCredits: true, alertedAt: true },
    }));
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
