import "server-only";
import { setDepartmentBudget } from "../../../services/company/departments/set-department-budget";
import { orgProcedure } from "../../init";
import { ZSetDepartmentBudgetRequestSchema, ZSetDepartmentBudgetResponseSchema } from "./company-inputs.types";

export const setDepartmentBudgetProcedure = orgProcedure
  .input(ZSetDepartmentBudgetRequestSchema)
  .output(ZSetDepartmentBudgetResponseSchema)
  .mutation(({ ctx, input }) =>
    setDepartmentBudget({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      departmentId: input.id,
      monthlyCapCredits: input.monthlyCapCredits,
    }),
  );
