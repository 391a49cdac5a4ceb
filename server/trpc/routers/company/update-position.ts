import "server-only";
import { updatePosition } from "../../../services/company/positions/update-position";
import { orgProcedure } from "../../init";
import { ZUpdatePositionRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

export const updatePositionProcedure = orgProcedure
  .input(ZUpdatePositionRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input: { id, orgId: _orgId, ...changes } }) =>
    updatePosition({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, positionId: id, ...changes }),
  );
