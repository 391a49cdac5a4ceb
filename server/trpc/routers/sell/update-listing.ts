import "server-only";
import { updateListing } from "../../../services/registry/update-listing";
import { orgRoleProcedure } from "../../init";
import { ZUpdateListingRequestSchema, ZUpdateListingResponseSchema } from "./update-listing.types";

export const updateListingProcedure = orgRoleProcedure("admin")
  .input(ZUpdateListingRequestSchema)
  .output(ZUpdateListingResponseSchema)
  .mutation(({ ctx, input }) => {
    const { agentId, orgId: _orgId, ...terms } = input;
    return updateListing({ orgId: ctx.org.id, agentId, userId: ctx.user.id, terms });
  });
