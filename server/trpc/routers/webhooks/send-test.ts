import "server-only";
import { z } from "zod";
import { sendTestEvent } from "../../../services/webhooks/replay-delivery";
import { orgRoleProcedure } from "../../init";
import { ZEndpointIdSchema } from "./webhooks.types";

export const sendTestProcedure = orgRoleProcedure("admin")
  .input(ZEndpointIdSchema)
  .output(z.object({ id: z.string() }))
  .mutation(({ ctx, input }) =>
    sendTestEvent({ orgId: ctx.org.id, endpointId: input.endpointId, userId: ctx.user.id }),
  );
