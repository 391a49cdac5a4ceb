import "server-only";
import { getDepartment } from "../../../services/company/departments/get-department";
import { orgProcedure } from "../../init";
import { ZDepartmentRequestSchema } from "./company-inputs.types";
import { ZDepartmentDetailSchema } from "./company.types";

export const departmentProcedure = orgProcedure
  .input(ZDepartmentRequestSchema)
  .output(ZDepartmentDetailSchema)
  .query(({ ctx, input }) =>
    getDepartment({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, slug: input.slug }),
  );
