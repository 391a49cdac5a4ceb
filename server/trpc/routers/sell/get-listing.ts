import { getSellerListing } from "../../../services/registry/seller-listings";
import { orgRoleProcedure } from "../../init";
import { withRegistryErrors } from "../agents/registry-errors";
import { ZGetListingRequestSchema, ZGetListingResponseSchema } from "./get-listing.types";

export const getListingProcedure = orgRoleProcedure("member")
  .input(ZGetListingRequestSchema)
  .output(ZGetListingResponseSchema)
  .query(({ ctx, input }) => withRegistryErrors(() => getSellerListing({ orgId: ctx.org.id, agentId: input.agentId })));
