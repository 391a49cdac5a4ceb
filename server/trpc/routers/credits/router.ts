import { createTRPCRouter } from "../../init";
import { createCheckoutProcedure } from "./create-checkout";
import { getCreditsOverviewProcedure } from "./get-overview";
import { getPurchaseStatusProcedure } from "./get-purchase-status";
import { listPurchasesProcedure } from "./list-purchases";

export const creditsRouter = createTRPCRouter({
  overview: getCreditsOverviewProcedure,
  purchases: listPurchasesProcedure,
  createCheckout: createCheckoutProcedure,
  purchaseStatus: getPurchaseStatusProcedure,
});
