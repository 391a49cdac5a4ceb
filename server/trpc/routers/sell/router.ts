import "server-only";
import { createTRPCRouter } from "../../init";
import { checkHealthProcedure } from "./check-health";
import { controlListingProcedure } from "./control-listing";
import { createListingProcedure } from "./create-listing";
import { getSellerOverviewProcedure } from "./get-overview";
import { getListingProcedure } from "./get-listing";
import { listListingsProcedure } from "./list-listings";
import { refreshCardProcedure } from "./refresh-card";
import { submitListingProcedure } from "./submit-listing";
import { testRunProcedure } from "./test-run";
import { updateListingProcedure } from "./update-listing";

/** The seller's side: listings of the caller's org (members read, admins and owners change). */
export const sellRouter = createTRPCRouter({
  overview: getSellerOverviewProcedure,
  list: listListingsProcedure,
  get: getListingProcedure,
  create: createListingProcedure,
  update: updateListingProcedure,
  submit: submitListingProcedure,
  refreshCard: refreshCardProcedure,
  checkHealth: checkHealthProcedure,
  control: controlListingProcedure,
  testRun: testRunProcedure,
});
