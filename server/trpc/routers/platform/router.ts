import "server-only";
import { createTRPCRouter } from "../../init";
import { getRevenueProcedure } from "./get-revenue";
import { grantCreditsProcedure } from "./grant-credits";
import { listGrantsProcedure } from "./list-grants";
import { searchOrgsProcedure } from "./search-orgs";

export const platformRouter = createTRPCRouter({
  revenue: getRevenueProcedure,
  searchOrgs: searchOrgsProcedure,
  grantCredits: grantCreditsProcedure,
  grants: listGrantsProcedure,
});
