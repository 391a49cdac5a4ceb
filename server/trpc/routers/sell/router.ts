import { createTRPCRouter } from "../../init";
import { checkHealthProcedure } from "./check-health";
import { createListingProcedure } from "./create-listing";
import { getListingProcedure } from "./get-listing";
import { listListingsProcedure } from "./list-listings";
import { refreshCardProcedure } from "./refresh-card";
import { submitListingProcedure } from "./submit-listing";
import { updateListingProcedure } from "./update-listing";

/** The seller's side: listings of the caller's org (members read, admins and owners change). */
export const sellRouter = createTRPCRouter({
  list: listListingsProcedure,
  get: getListingProcedure,
  create: createListingProcedure,
  update: updateListingProcedure,
  submit: submitListingProcedure,
  refreshCard: refreshCardProcedure,
  checkHealth: checkHealthProcedure,
});
