import "server-only";
import { createListing } from "../../../services/registry/create-listing";
import { orgRoleProcedure } from "../../init";
import { ZCreateListingRequestSchema, ZCreateListingResponseSchema } from "./create-listing.types";

/** Card problems come back as `{ ok: false, errors }` so the form can list every one. */
export const createListingProcedure = orgRoleProcedure("admin")
  .input(ZCreateListingRequestSchema)
  .output(ZCreateListingResponseSchema)
  .mutation(({ ctx, input }) => createListing({ ...input, orgId: ctx.org.id, userId: ctx.user.id }));
