import "server-only";
import { db } from "../../db";
import { monthKey } from "../ledger/math";
import { ALERT_PERCENT } from "./enforce-budgets";
import { monthSpend } from "./month-spend";

/** This month's spend against each cap of the org (the org-wide line always shows, capped or not). */
export async function listBudgets({ orgId, now = new Date() }: { orgId: string; now?: Date }) {
  const budgets = await db.budget.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });
  const orgSpend = await monthSpend(db, { orgId, departmentId: null, now });
  const lines = await Promise.all(
    budgets
      .filter((b) => b.scope !== "org")
      .map(async (b) => ({
        departmentId: b.departmentId,
        capCredits: b.monthlyCapCredits as number | null,
        spentCredits: await monthSpend(db, { orgId, departmentId: b.departmentId, now }),
      })),
  );
  const orgBudget = budgets.find((b) => b.scope === "org");
  const withStatus = (line: { departmentId: string | null; capCredits: number | null; spentCredits: number }) => ({
    ...line,
    percent: line.capCredits ? Math.floor((line.spentCredits * 100) / line.capCredits) : null,
    alert: line.capCredits !== null && line.spentCredits * 100 >= line.capCredits * ALERT_PERCENT,
  });
  return {
    month: monthKey(now),
    org: withStatus({ departmentId: null, capCredits: orgBudget?.monthlyCapCredits ?? null, spentCredits: orgSpend }),
    departments: lines.map(withStatus),
  };
}
