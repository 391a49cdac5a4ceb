import { createTRPCRouter } from "../../init";
import { getDashboardProcedure } from "./get-dashboard";
import { listMembersProcedure } from "./list-members";
import { listMyOrgsProcedure } from "./list-my-orgs";

export const orgsRouter = createTRPCRouter({
  listMine: listMyOrgsProcedure,
  dashboard: getDashboardProcedure,
  members: listMembersProcedure,
});
