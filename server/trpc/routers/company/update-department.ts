import "server-only";
import { updateDepartment } from "../../../services/company/departments/update-department";
import { orgProcedure } from "../../init";
import { ZUpdateDepartmentRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

export const updateDepartmentProcedure = orgProcedure
  .input(ZUpdateDepartmentRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input: { id, orgId: _orgId, ...changes } }) =>
    updateDepartment({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, departmentId: id, ...changes }),
  );
