import "server-only";
import { setDepartmentLeads } from "../../../services/company/departments/set-department-leads";
import { orgProcedure } from "../../init";
import { ZSetLeadsRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

export const setLeadsProcedure = orgProcedure
  .input(ZSetLeadsRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input }) =>
    setDepartmentLeads({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      departmentId: input.id,
      userIds: input.userIds,
    }),
  );
