import "server-only";
import { searchCatalog } from "../../../services/registry/search-catalog";
import { protectedProcedure } from "../../init";
import { ZSearchAgentsRequestSchema, ZSearchAgentsResponseSchema } from "./search-agents.types";

export const searchAgentsProcedure = protectedProcedure
  .input(ZSearchAgentsRequestSchema)
  .output(ZSearchAgentsResponseSchema)
  .query(({ input }) => searchCatalog(input));
