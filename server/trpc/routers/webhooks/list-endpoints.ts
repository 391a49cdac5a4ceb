import "server-only";
import { z } from "zod";
import { listEndpoints } from "../../../services/webhooks/manage-endpoints";
import { orgRoleProcedure } from "../../init";
import { ZWebhookEndpointSchema } from "./webhooks.types";

export const listEndpointsProcedure = orgRoleProcedure("member")
  .output(z.array(ZWebhookEndpointSchema))
  .query(({ ctx }) => listEndpoints({ orgId: ctx.org.id }));
