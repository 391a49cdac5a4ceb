import "server-only";
import { listPurchases } from "../../../services/billing/list-purchases";
import { orgRoleProcedure } from "../../init";
import { ZListPurchasesResponseSchema } from "./list-purchases.types";
import { ZPageRequestSchema } from "./pagination.types";

export const listPurchasesProcedure = orgRoleProcedure("member")
  .input(ZPageRequestSchema)
  .output(ZListPurchasesResponseSchema)
  .query(({ ctx, input }) => listPurchases({ orgId: ctx.org.id, cursor: input.cursor, limit: input.limit }));
