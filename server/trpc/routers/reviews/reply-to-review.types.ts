import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";

export const ZReplyToReviewRequestSchema = z.object({
  reviewId: zId,
  reply: zText(2_000, "Keep the reply under 2,000 characters.").min(1, "Write a reply first."),
});
export const ZReplyToReviewResponseSchema = z.object({ sellerReply: z.string(), repliedAt: z.date() });
