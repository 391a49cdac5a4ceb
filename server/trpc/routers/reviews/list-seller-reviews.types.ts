import { z } from "zod";
import { ZReviewPageRequestSchema } from "./review.types";

export const ZListSellerReviewsRequestSchema = ZReviewPageRequestSchema.extend({
  agentSlug: z.string().trim().min(1).max(100).nullish(),
  unanswered: z.boolean().default(false),
});
export { ZReviewPageSchema as ZListSellerReviewsResponseSchema } from "./review.types";
