import "server-only";
import { replyToReview } from "../../../services/reviews/reply-to-review";
import { orgRoleProcedure } from "../../init";
import { ZReplyToReviewRequestSchema, ZReplyToReviewResponseSchema } from "./reply-to-review.types";

/** The seller answers publicly, as the org: admins and owners of the agent's org. */
export const replyToReviewProcedure = orgRoleProcedure("admin")
  .input(ZReplyToReviewRequestSchema)
  .output(ZReplyToReviewResponseSchema)
  .mutation(({ ctx, input }) =>
    replyToReview({ sellerOrgId: ctx.org.id, reviewId: input.reviewId, reply: input.reply }),
  );
