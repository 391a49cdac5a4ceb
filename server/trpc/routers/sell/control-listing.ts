import "server-only";
import { controlListing } from "../../../services/registry/change-status";
import { orgRoleProcedure } from "../../init";
import { ZControlListingRequestSchema, ZControlListingResponseSchema } from "./control-listing.types";

/** Seller: pause, resume or unpublish one of the org's listings. */
export const controlListingProcedure = orgRoleProcedure("admin")
  .input(ZControlListingRequestSchema)
  .output(ZControlListingResponseSchema)
  .mutation(({ ctx, input }) =>
    controlListing({ orgId: ctx.org.id, agentId: input.agentId, userId: ctx.user.id, control: input.control }),
  );
