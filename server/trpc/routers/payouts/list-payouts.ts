import "server-only";
import { listPayouts } from "../../../services/payouts/list-payouts";
import { orgRoleProcedure } from "../../init";
import { ZPageRequestSchema } from "../credits/pagination.types";
import { ZListPayoutsResponseSchema } from "./list-payouts.types";

export const listPayoutsProcedure = orgRoleProcedure("member")
  .input(ZPageRequestSchema)
  .output(ZListPayoutsResponseSchema)
  .query(({ ctx, input }) => listPayouts({ orgId: ctx.org.id, cursor: input.cursor, limit: input.limit }));
