import "server-only";
import { submitListing } from "../../../services/registry/change-status";
import { orgRoleProcedure } from "../../init";
import { ZSubmitListingRequestSchema, ZSubmitListingResponseSchema } from "./submit-listing.types";

export const submitListingProcedure = orgRoleProcedure("admin")
  .input(ZSubmitListingRequestSchema)
  .output(ZSubmitListingResponseSchema)
  .mutation(({ ctx, input }) => submitListing({ orgId: ctx.org.id, agentId: input.agentId, userId: ctx.user.id }));
