import "server-only";
import { listDeliveries } from "../../../services/webhooks/list-deliveries";
import { orgRoleProcedure } from "../../init";
import { ZListDeliveriesRequestSchema, ZListDeliveriesResponseSchema } from "./webhooks.types";

export const listDeliveriesProcedure = orgRoleProcedure("member")
  .input(ZListDeliveriesRequestSchema)
  .output(ZListDeliveriesResponseSchema)
  .query(({ ctx, input }) => listDeliveries({ ...input, orgId: ctx.org.id }));
