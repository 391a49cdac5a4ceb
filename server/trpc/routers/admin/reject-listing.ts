import "server-only";
import { reviewListing } from "../../../services/registry/change-status";
import { adminProcedure } from "../../init";
import { ZReasonedDecisionRequestSchema, ZReviewListingResponseSchema } from "./review-listing.types";

export const rejectListingProcedure = adminProcedure
  .input(ZReasonedDecisionRequestSchema)
  .output(ZReviewListingResponseSchema)
  .mutation(({ ctx, input }) =>
    reviewListing({ agentId: input.agentId, adminUserId: ctx.user.id, decision: "reject", reason: input.reason }),
  );
