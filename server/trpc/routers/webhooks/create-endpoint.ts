import "server-only";
import { createEndpoint } from "../../../services/webhooks/manage-endpoints";
import { orgRoleProcedure } from "../../init";
import { ZCreateWebhookRequestSchema, ZEndpointWithSecretSchema } from "./webhooks.types";

export const createEndpointProcedure = orgRoleProcedure("admin")
  .input(ZCreateWebhookRequestSchema)
  .output(ZEndpointWithSecretSchema)
  .mutation(({ ctx, input }) => createEndpoint({ ...input, orgId: ctx.org.id, userId: ctx.user.id }));
