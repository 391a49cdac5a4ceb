import "server-only";
import { z } from "zod";
import { replayDelivery } from "../../../services/webhooks/replay-delivery";
import { orgRoleProcedure } from "../../init";
import { ZDeliveryIdSchema } from "./webhooks.types";

export const replayDeliveryProcedure = orgRoleProcedure("admin")
  .input(ZDeliveryIdSchema)
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) => replayDelivery({ orgId: ctx.org.id, deliveryId: input.deliveryId }));
