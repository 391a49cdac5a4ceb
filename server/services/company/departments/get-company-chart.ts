import "server-only";
import { db } from "../../../db";
import { monthSpend } from "../../budgets/month-spend";
import { authorizeCompanyActor, type CompanyActor } from "./company-actor";
import { afterCreated, decodeCreatedCursor, encodeCreatedCursor } from "./created-cursor";
import { departmentMonths } from "./department-month";
import { departmentSelect, toDepartmentView, type DepartmentView } from "./department-views";

export interface CompanyChart {
  org: { capCredits: number | null; spentCredits: number };
  departments: DepartmentView[];
}

interface ChartInput {
  orgId: string;
  actor: CompanyActor;
  includeArchived?: boolean;
  now?: Date;
}

/**
 * The org chart: every department (archived ones on request) with its
 * leads, staff (active and paused positions), budget and this month's spend
 * and tasks, and the org's cap and spend. Departments come oldest first;
 * the tree is in parentId.
 */
export async function getCompanyChart(input: ChartInput): Promise<CompanyChart> {
  await authorizeCompanyActor(input.orgId, input.actor, "read");
  const now = input.now ?? new Date();
  const [{ departments, caps }, orgSpent] = await Promise.all([
    departmentViews(input, null, now),
    monthSpend(db, { orgId: input.orgId, departmentId: null, now }),
  ]);
  return { org: { capCredits: caps.get("org") ?? null, spentCredits: orgSpent }, departments };
}

/** The chart's departments a page at a time, oldest first (GET /api/v1/departments). */
export async function listDepartments(
  input: ChartInput & { cursor?: string | null; limit: number },
): Promise<{ items: DepartmentView[]; nextCursor: string | null }> {
  await authorizeCompanyActor(input.orgId, input.actor, "read");
  const page = { after: input.cursor ? decodeCreatedCursor(input.cursor) : null, limit: input.limit };
  const { departments, more } = await departmentViews(input, page, input.now ?? new Date());
  const last = departments.at(-1);
  return { items: departments, nextCursor: more && last ? encodeCreatedCursor(last) : null };
}

const budgetCaps = async (orgId: string) =>
  new Map(
    (await db.budget.findMany({ where: { orgId }, select: { scope: true, monthlyCapCredits: true } })).map((b) => [
      b.scope,
      b.monthlyCapCredits,
    ]),
  );

async function departmentViews(
  input: ChartInput,
  page: { after: { createdAt: Date; id: string } | null; limit: number } | null,
  now: Date,
): Promise<{ departments: DepartmentView[]; more: boolean; caps: Map<string, number> }> {
  const [rows, nodes, caps] = await Promise.all([
    db.department.findMany({
      where: {
        orgId: input.orgId,
        ...(input.includeArchived ? {} : { archivedAt: null }),
        ...afterCreated(page?.after ?? null, "asc"),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      ...(page ? { take: page.limit + 1 } : {}),
      select: departmentSelect(input.orgId),
    }),
    // The whole tree, archived teams included: their spend still rolls up.
    db.department.findMany({
      where: { orgId: input.orgId },
      select: { id: true, parentId: true, name: true, slug: true, archivedAt: true },
    }),
    budgetCaps(input.orgId),
  ]);
  const months = await departmentMonths(input.orgId, nodes, now);
  const shown = page ? rows.slice(0, page.limit) : rows;
  return {
    departments: shown.map((row) =>
      toDepartmentView(row, { capCredits: caps.get(row.id) ?? null, month: months.get(row.id) }),
    ),
    more: page !== null && rows.length > page.limit,
    caps,
  };
}
