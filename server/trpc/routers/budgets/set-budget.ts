import "server-only";
import { DomainError } from "../../../errors";
import { setBudget } from "../../../services/budgets/set-budget";
import { orgRoleProcedure } from "../../init";
import { ZSetBudgetRequestSchema, ZSetBudgetResponseSchema } from "./set-budget.types";

export const setBudgetProcedure = orgRoleProcedure("owner")
  .input(ZSetBudgetRequestSchema)
  .output(ZSetBudgetResponseSchema)
  .mutation(({ ctx, input }) => {
    // Departments arrive later; until then only the organization-wide cap exists.
    if (input.departmentId !== null) throw new DomainError("not_found", "Department not found.");
    return setBudget({
      orgId: ctx.org.id,
      userId: ctx.user.id,
      departmentId: null,
      monthlyCapCredits: input.monthlyCapCredits,
    });
  });
