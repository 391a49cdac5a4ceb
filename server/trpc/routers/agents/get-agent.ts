import { getPublishedListing } from "../../../services/registry/get-listing";
import { protectedProcedure } from "../../init";
import { ZGetAgentRequestSchema, ZGetAgentResponseSchema } from "./get-agent.types";
import { withRegistryErrors } from "./registry-errors";

export const getAgentProcedure = protectedProcedure
  .input(ZGetAgentRequestSchema)
  .output(ZGetAgentResponseSchema)
  .query(({ input }) => withRegistryErrors(() => getPublishedListing(input)));
