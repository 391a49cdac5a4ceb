import "server-only";
import { archiveDepartment, unarchiveDepartment } from "../../../services/company/departments/archive-department";
import { orgProcedure } from "../../init";
import { ZIdRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

export const archiveDepartmentProcedure = orgProcedure
  .input(ZIdRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input }) =>
    archiveDepartment({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, departmentId: input.id }),
  );

export const unarchiveDepartmentProcedure = orgProcedure
  .input(ZIdRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input }) =>
    unarchiveDepartment({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, departmentId: input.id }),
  );
