import "server-only";
import { reviewListing } from "../../../services/registry/change-status";
import { adminProcedure } from "../../init";
import { ZApproveListingRequestSchema, ZReviewListingResponseSchema } from "./review-listing.types";

export const approveListingProcedure = adminProcedure
  .input(ZApproveListingRequestSchema)
  .output(ZReviewListingResponseSchema)
  .mutation(({ ctx, input }) =>
    reviewListing({ agentId: input.agentId, adminUserId: ctx.user.id, decision: "approve" }),
  );
