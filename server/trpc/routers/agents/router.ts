import "server-only";
import { createTRPCRouter } from "../../init";
import { describeNeedProcedure } from "./describe-need";
import { getAgentProcedure } from "./get-agent";
import { listCategoriesProcedure } from "./list-categories";
import { searchAgentsProcedure } from "./search-agents";

/** The buyer's side of the registry: browse, search, describe a need, open an agent. */
export const agentsRouter = createTRPCRouter({
  search: searchAgentsProcedure,
  describeNeed: describeNeedProcedure,
  get: getAgentProcedure,
  categories: listCategoriesProcedure,
});
