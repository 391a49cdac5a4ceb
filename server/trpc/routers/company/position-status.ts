import "server-only";
import { endPosition, pausePosition, resumePosition } from "../../../services/company/positions/set-position-status";
import { orgProcedure } from "../../init";
import { ZIdRequestSchema } from "./company-inputs.types";
import { ZChangeResponseSchema } from "./company.types";

const statusProcedure = (change: typeof pausePosition) =>
  orgProcedure
    .input(ZIdRequestSchema)
    .output(ZChangeResponseSchema)
    .mutation(({ ctx, input }) =>
      change({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, positionId: input.id }),
    );

export const pausePositionProcedure = statusProcedure(pausePosition);
export const resumePositionProcedure = statusProcedure(resumePosition);
export const endPositionProcedure = statusProcedure(endPosition);
