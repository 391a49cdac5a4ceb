import "server-only";
import { DomainError } from "../../../errors";
import { getPurchaseStatus } from "../../../services/billing/get-purchase-status";
import { orgProcedure } from "../../init";
import { ZGetPurchaseStatusRequestSchema, ZGetPurchaseStatusResponseSchema } from "./get-purchase-status.types";

export const getPurchaseStatusProcedure = orgProcedure
  .input(ZGetPurchaseStatusRequestSchema)
  .output(ZGetPurchaseStatusResponseSchema)
  .query(async ({ ctx, input }) => {
    const status = await getPurchaseStatus({ orgId: ctx.org.id, sessionId: input.sessionId });
    if (!status) throw new DomainError("not_found", "Purchase not found in this organization.");
    return status;
  });
