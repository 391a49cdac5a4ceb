import "server-only";
import { db } from "../../../db";
import { monthSpend } from "../../budgets/month-spend";
import { authorizeCompanyActor, type CompanyActor } from "./company-actor";
import { departmentMonths } from "./department-month";
import { departmentSelect, toDepartmentView, type DepartmentView } from "./department-views";

export interface CompanyChart {
  org: { capCredits: number | null; spentCredits: number };
  departments: DepartmentView[];
}

/**
 * The org chart: every department (archived ones on request) with its
 * leads, staff (active and paused positions), budget and this month's spend
 * and tasks, and the org's cap and spend. Departments come oldest first;
 * the tree is in parentId.
 */
export async function getCompanyChart(input: {
  orgId: string;
  actor: CompanyActor;
  includeArchived?: boolean;
  now?: Date;
}): Promise<CompanyChart> {
  await authorizeCompanyActor(input.orgId, input.actor, "read");
  const now = input.now ?? new Date();
  const [rows, nodes, budgets, orgSpent] = await Promise.all([
    db.department.findMany({
      where: { orgId: input.orgId, ...(input.includeArchived ? {} : { archivedAt: null }) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: departmentSelect(input.orgId),
    }),
    // The whole tree, archived teams included: their spend still rolls up.
    db.department.findMany({
      where: { orgId: input.orgId },
      select: { id: true, parentId: true, name: true, slug: true, archivedAt: true },
    }),
    db.budget.findMany({ where: { orgId: input.orgId }, select: { scope: true, monthlyCapCredits: true } }),
    monthSpend(db, { orgId: input.orgId, departmentId: null, now }),
  ]);
  const caps = new Map(budgets.map((b) => [b.scope, b.monthlyCapCredits]));
  const months = await departmentMonths(input.orgId, nodes, now);
  return {
    org: { capCredits: caps.get("org") ?? null, spentCredits: orgSpent },
    departments: rows.map((row) =>
      toDepartmentView(row, { capCredits: caps.get(row.id) ?? null, month: months.get(row.id) }),
    ),
  };
}
