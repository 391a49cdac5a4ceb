import { z } from "zod";

export const ZReplyToReviewRequestSchema = z.object({
  reviewId: z.string().min(1).max(64),
  reply: z.string().trim().min(1, "Write a reply first.").max(2_000, "Keep the reply under 2,000 characters."),
});
export const ZReplyToReviewResponseSchema = z.object({ sellerReply: z.string(), repliedAt: z.date() });
