import { reviewListing } from "../../../services/registry/change-status";
import { adminProcedure } from "../../init";
import { withRegistryErrors } from "../agents/registry-errors";
import { ZApproveListingRequestSchema, ZReviewListingResponseSchema } from "./review-listing.types";

export const approveListingProcedure = adminProcedure
  .input(ZApproveListingRequestSchema)
  .output(ZReviewListingResponseSchema)
  .mutation(({ ctx, input }) =>
    withRegistryErrors(() => reviewListing({ agentId: input.agentId, adminUserId: ctx.user.id, decision: "approve" })),
  );
