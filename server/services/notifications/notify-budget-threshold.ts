import "server-only";
import type { EventData } from "@/inngest/events";
import { db } from "../../db";
import { budgetAlertKey } from "../budgets/budget-alert-key";

export const BUDGET_ALERT_KIND = "budget.threshold_crossed";

/** Roles told about money: the ones who can change a cap or buy credits. */
const RECIPIENT_ROLES = ["owner", "admin"];

const credits = (value: number) => value.toLocaleString("en-US");

/** "November 2026" from "2026-11". */
const monthName = (key: string) =>
  new Date(`${key}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

/** What a budget alert says, in the bell and in the email. */
export function budgetAlertMessage(alert: EventData<"budget/threshold.crossed">, orgName: string) {
  const percent = Math.floor((alert.spentCredits * 100) / alert.capCredits);
  const whose = alert.departmentId ? "A department's" : `${orgName}'s`;
  return {
    title: `Budget ${alert.thresholdPercent}% reached`,
    body:
      `${whose} spend for ${monthName(alert.month)} is ${credits(alert.spentCredits)} of ` +
      `${credits(alert.capCredits)} credits (${percent}%). Tasks that would pass the cap are refused; ` +
      "an owner can raise it on the Credits page.",
    link: "/credits",
  };
}

/**
 * One in-app notification per current owner and admin of the org. The event's
 * key is each row's source key, unique per user, so a replayed or duplicated
 * event adds nothing. Resolves to the key (for the email step) and how many
 * rows this call created.
 */
export async function createBudgetAlertNotifications(
  alert: EventData<"budget/threshold.crossed">,
): Promise<{ sourceKey: string; created: number }> {
  const sourceKey = budgetAlertKey(alert);
  const org = await db.organization.findUnique({
    where: { id: alert.orgId },
    select: { name: true, members: { where: { role: { in: RECIPIENT_ROLES } }, select: { userId: true } } },
  });
  if (!org) return { sourceKey, created: 0 };
  const message = budgetAlertMessage(alert, org.name);
  const { count } = await db.notification.createMany({
    data: org.members.map((m) => ({
      orgId: alert.orgId,
      userId: m.userId,
      kind: BUDGET_ALERT_KIND,
      sourceKey,
      ...message,
    })),
    skipDuplicates: true,
  });
  return { sourceKey, created: count };
}
