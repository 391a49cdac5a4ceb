import "server-only";
import { getReceipt } from "../../../services/billing/get-receipt";
import { orgRoleProcedure } from "../../init";
import { ZGetReceiptRequestSchema, ZGetReceiptResponseSchema } from "./get-receipt.types";

/** A purchase's receipt, for the same people who see the purchases list. */
export const getReceiptProcedure = orgRoleProcedure("member")
  .input(ZGetReceiptRequestSchema)
  .output(ZGetReceiptResponseSchema)
  .query(({ ctx, input }) => getReceipt({ orgId: ctx.org.id, purchaseId: input.purchaseId }));
