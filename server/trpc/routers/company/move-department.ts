import "server-only";
import { moveDepartment } from "../../../services/company/departments/move-department";
import { orgProcedure } from "../../init";
import { ZMoveDepartmentRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

export const moveDepartmentProcedure = orgProcedure
  .input(ZMoveDepartmentRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input }) =>
    moveDepartment({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      departmentId: input.id,
      parentId: input.parentId,
    }),
  );
