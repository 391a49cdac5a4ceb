import "server-only";
import { hirePosition } from "../../../services/company/positions/hire-position";
import { orgProcedure } from "../../init";
import { ZHireRequestSchema, ZHireResponseSchema } from "./company-inputs.types";

export const hireProcedure = orgProcedure
  .input(ZHireRequestSchema)
  .output(ZHireResponseSchema)
  .mutation(({ ctx, input: { orgId: _orgId, ...hire } }) =>
    hirePosition({ ...hire, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
