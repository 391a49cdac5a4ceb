import "server-only";
import { listSellerListings } from "../../../services/registry/seller-listings";
import { orgRoleProcedure } from "../../init";
import { ZListListingsRequestSchema, ZListListingsResponseSchema } from "./list-listings.types";

export const listListingsProcedure = orgRoleProcedure("member")
  .input(ZListListingsRequestSchema)
  .output(ZListListingsResponseSchema)
  .query(({ ctx, input }) => listSellerListings({ orgId: ctx.org.id, cursor: input.cursor }));
