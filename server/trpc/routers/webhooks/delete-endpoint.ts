import "server-only";
import { z } from "zod";
import { deleteEndpoint } from "../../../services/webhooks/manage-endpoints";
import { orgRoleProcedure } from "../../init";
import { ZEndpointIdSchema } from "./webhooks.types";

export const deleteEndpointProcedure = orgRoleProcedure("admin")
  .input(ZEndpointIdSchema)
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteEndpoint({ orgId: ctx.org.id, endpointId: input.endpointId });
    return { deleted: true as const };
  });
