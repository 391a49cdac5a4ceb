import "server-only";
import { movePosition } from "../../../services/company/positions/move-position";
import { orgProcedure } from "../../init";
import { ZMovePositionRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

export const movePositionProcedure = orgProcedure
  .input(ZMovePositionRequestSchema)
  .output(ZChangeResponseSchema)
  .mutation(({ ctx, input }) =>
    movePosition({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      positionId: input.id,
      departmentId: input.departmentId,
    }),
  );
