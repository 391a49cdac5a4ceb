import "server-only";
import { createDepartment } from "../../../services/company/departments/create-department";
import { orgProcedure } from "../../init";
import { ZCreateDepartmentRequestSchema, ZCreateDepartmentResponseSchema } from "./company-inputs.types";

/** Owners and admins (the service checks the role, so every door refuses alike). */
export const createDepartmentProcedure = orgProcedure
  .input(ZCreateDepartmentRequestSchema)
  .output(ZCreateDepartmentResponseSchema)
  .mutation(({ ctx, input }) =>
    createDepartment({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      name: input.name,
      mission: input.mission,
      parentId: input.parentId ?? null,
    }),
  );
