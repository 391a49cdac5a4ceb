import "server-only";
import { z } from "zod";
import { addObservation } from "../../../services/knowledge/add-observation";
import { retractObservation } from "../../../services/knowledge/retract-observation";
import { orgProcedure } from "../../init";
import { ZAddObservationRequestSchema, ZRetractObservationRequestSchema } from "./knowledge-inputs.types";
import { ZIdResponseSchema } from "./knowledge.types";

export const addObservationProcedure = orgProcedure
  .input(ZAddObservationRequestSchema)
  .output(ZIdResponseSchema)
  .mutation(({ ctx, input: { orgId: _orgId, id, ...observation } }) =>
    addObservation({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, entityId: id, ...observation }),
  );

export const retractObservationProcedure = orgProcedure
  .input(ZRetractObservationRequestSchema)
  .output(z.object({ id: z.string(), retractedAt: z.date() }))
  .mutation(({ ctx, input }) =>
    retractObservation({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      observationId: input.observationId,
    }),
  );
