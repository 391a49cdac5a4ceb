import "server-only";
import { getSellerListing } from "../../../services/registry/seller-listings";
import { orgRoleProcedure } from "../../init";
import { ZGetListingRequestSchema, ZGetListingResponseSchema } from "./get-listing.types";

export const getListingProcedure = orgRoleProcedure("member")
  .input(ZGetListingRequestSchema)
  .output(ZGetListingResponseSchema)
  .query(({ ctx, input }) => getSellerListing({ orgId: ctx.org.id, agentId: input.agentId }));
