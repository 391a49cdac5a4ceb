import "server-only";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import { setBudget } from "../../budgets/set-budget";
import { authorizeCompanyActor, userIdOf, type CompanyActor } from "./company-actor";
import { ZMonthlyCapSchema } from "./company-limits.types";
import { field } from "./company-rules";
import { DEPARTMENT_NOT_FOUND } from "./department-tree";

/**
 * A department's monthly budget (null removes it): the existing Budget of
 * scope = the department's id, set by setBudget (audited, budget.set event,
 * re-arms the 80% alert). Its spend rolls up: every task of the department
 * and of its teams counts against it (bureau_check_hold). Another org's
 * department is not found.
 */
export async function setDepartmentBudget(input: {
  orgId: string;
  actor: CompanyActor;
  departmentId: string;
  monthlyCapCredits: number | null;
}): Promise<{ changed: boolean }> {
  await authorizeCompanyActor(input.orgId, input.actor, "manage");
  const cap = input.monthlyCapCredits === null ? null : field(ZMonthlyCapSchema, input.monthlyCapCredits);
  const department = await db.department.findFirst({
    where: { id: input.departmentId, orgId: input.orgId },
    select: { id: true },
  });
  if (!department) throw new DomainError("department_not_found", DEPARTMENT_NOT_FOUND);
  const userId = userIdOf(input.actor);
  if (!userId) throw new DomainError("forbidden", "Only a member can change a budget.");
  return setBudget({ orgId: input.orgId, userId, departmentId: department.id, monthlyCapCredits: cap });
}
