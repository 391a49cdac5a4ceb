import "server-only";
import { getPublishedListing } from "../../../services/registry/get-listing";
import { protectedProcedure } from "../../init";
import { ZGetAgentRequestSchema, ZGetAgentResponseSchema } from "./get-agent.types";

export const getAgentProcedure = protectedProcedure
  .input(ZGetAgentRequestSchema)
  .output(ZGetAgentResponseSchema)
  .query(({ input }) => getPublishedListing(input));
