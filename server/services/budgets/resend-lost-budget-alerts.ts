import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { monthKey } from "../ledger/math";
import { budgetAlertKey } from "./budget-alert-key";
import { ALERT_PERCENT, type BudgetCrossing } from "./enforce-budgets";
import { sendBudgetAlerts } from "./send-budget-alerts";

const MINUTE = 60_000;
const ZAuditedCrossing = z.object({ spentCredits: z.number().int().nonnegative() });

/**
 * Re-sends budget alerts whose event was lost: the hold's transaction
 * committed the claim (`alertedAt`), but the process died before the send
 * after it, so no notification exists for the crossing. Older than 15
 * minutes: a live send and its function run have long finished by then.
 * Newer than 6 hours: every pass before has already re-sent what is older.
 * The event id is the crossing's key, so a crossing whose run exists is not
 * started again. Resolves to the keys of the crossings it re-sent.
 */
export async function resendLostBudgetAlerts({ now }: { now: Date }): Promise<{ checked: number; resent: string[] }> {
  const claimed = await db.budget.findMany({
    where: { alertedAt: { lt: new Date(now.getTime() - 15 * MINUTE), gt: new Date(now.getTime() - 360 * MINUTE) } },
    orderBy: { alertedAt: "asc" },
    take: 200,
  });
  const lost: BudgetCrossing[] = [];
  for (const budget of claimed) {
    const crossing = {
      budgetId: budget.id,
      orgId: budget.orgId,
      departmentId: budget.scope === "org" ? null : budget.departmentId,
      capCredits: budget.monthlyCapCredits,
      month: monthKey(budget.alertedAt!),
      thresholdPercent: ALERT_PERCENT,
    };
    const delivered = await db.notification.findFirst({
      where: { orgId: budget.orgId, sourceKey: budgetAlertKey(crossing) },
      select: { id: true },
    });
    if (delivered) continue;
    // The spend at the crossing, as audited in the same transaction as the claim.
    const audit = await db.auditLog.findFirst({
      where: { orgId: budget.orgId, action: "budget.threshold_crossed", target: budget.id },
      orderBy: { id: "desc" },
      select: { data: true },
    });
    const audited = ZAuditedCrossing.safeParse(audit?.data);
    const atLine = Math.ceil((budget.monthlyCapCredits * ALERT_PERCENT) / 100);
    lost.push({ ...crossing, spentCredits: audited.success ? audited.data.spentCredits : atLine });
  }
  await sendBudgetAlerts(lost);
  return { checked: claimed.length, resent: lost.map(budgetAlertKey) };
}
