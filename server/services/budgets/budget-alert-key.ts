import "server-only";
/**
 * The one id of a crossing, used as the event id (the engines start each
 * function once per id) and as the notifications' source key (unique per
 * user). It names the org, the budget, the month and the line crossed: the
 * percentage of this cap. A changed cap re-arms the alert (setBudget clears
 * alertedAt), and crossing the new line is a new alert; crossing the same
 * line again in the same month is not.
 */
export function budgetAlertKey(alert: {
  orgId: string;
  budgetId: string;
  month: string;
  thresholdPercent: number;
  capCredits: number;
}): string {
  const line = `${alert.thresholdPercent}pct-of-${alert.capCredits}`;
  return `budget-alert:${alert.orgId}:${alert.budgetId}:${alert.month}:${line}`;
}
