import "server-only";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import { authorizeCompanyActor, type CompanyActor } from "./company-actor";
import { departmentMonths } from "./department-month";
import { DEPARTMENT_NOT_FOUND } from "./department-tree";
import { departmentSelect, toDepartmentView, type DepartmentView } from "./department-views";

export interface DepartmentDetail extends DepartmentView {
  /** Its teams that are not archived. */
  children: string[];
  parent: { id: string; slug: string; name: string } | null;
  /** Approvals still waiting on a lead for this department's tasks. */
  pendingApprovals: number;
}

/** One department of the org by its slug (archived ones too), as on the chart plus its place in the tree. */
export async function getDepartment(input: {
  orgId: string;
  actor: CompanyActor;
  slug: string;
  now?: Date;
}): Promise<DepartmentDetail> {
  await authorizeCompanyActor(input.orgId, input.actor, "read");
  const row = await db.department.findFirst({
    where: { orgId: input.orgId, slug: input.slug },
    select: {
      ...departmentSelect(input.orgId),
      parent: { select: { id: true, slug: true, name: true } },
      children: { where: { archivedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true } },
    },
  });
  if (!row) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
  const [nodes, budget, [pending]] = await Promise.all([
    db.department.findMany({
      where: { orgId: input.orgId },
      select: { id: true, parentId: true, name: true, slug: true, archivedAt: true },
    }),
    db.budget.findUnique({
      where: { orgId_scope: { orgId: input.orgId, scope: row.id } },
      select: { monthlyCapCredits: true },
    }),
    db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Approval" a JOIN "Task" t ON t.id = a."taskId"
      WHERE a."orgId" = ${input.orgId} AND a.state = 'PENDING' AND t."orgId" = ${input.orgId}
        AND t."departmentId" = ${row.id}`,
  ]);
  const months = await departmentMonths(input.orgId, nodes, input.now ?? new Date());
  const { parent, children, ...department } = row;
  return {
    ...toDepartmentView(department, { capCredits: budget?.monthlyCapCredits ?? null, month: months.get(row.id) }),
    children: children.map((c) => c.id),
    parent,
    pendingApprovals: Number(pending?.count ?? 0),
  };
}
