import "server-only";
import { createTRPCRouter } from "../../init";
import { createCheckoutProcedure } from "./create-checkout";
import { getCreditsOverviewProcedure } from "./get-overview";
import { getPurchaseStatusProcedure } from "./get-purchase-status";
import { getReceiptProcedure } from "./get-receipt";
import { listPurchasesProcedure } from "./list-purchases";
import { listStatementProcedure } from "./list-statement";

export const creditsRouter = createTRPCRouter({
  overview: getCreditsOverviewProcedure,
  purchases: listPurchasesProcedure,
  createCheckout: createCheckoutProcedure,
  purchaseStatus: getPurchaseStatusProcedure,
  statement: listStatementProcedure,
  receipt: getReceiptProcedure,
});
