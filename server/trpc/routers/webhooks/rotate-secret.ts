import "server-only";
import { rotateEndpointSecret } from "../../../services/webhooks/manage-endpoints";
import { orgRoleProcedure } from "../../init";
import { ZEndpointIdSchema, ZEndpointWithSecretSchema } from "./webhooks.types";

export const rotateSecretProcedure = orgRoleProcedure("admin")
  .input(ZEndpointIdSchema)
  .output(ZEndpointWithSecretSchema)
  .mutation(({ ctx, input }) => rotateEndpointSecret({ orgId: ctx.org.id, endpointId: input.endpointId }));
