import "server-only";
import { updateEndpoint } from "../../../services/webhooks/manage-endpoints";
import { orgRoleProcedure } from "../../init";
import { ZUpdateWebhookRequestSchema, ZWebhookEndpointSchema } from "./webhooks.types";

export const updateEndpointProcedure = orgRoleProcedure("admin")
  .input(ZUpdateWebhookRequestSchema)
  .output(ZWebhookEndpointSchema)
  .mutation(({ ctx, input }) => updateEndpoint({ ...input, orgId: ctx.org.id }));
