import { ZReviewPageRequestSchema } from "./review.types";
import { z } from "zod";

export const ZListAgentReviewsRequestSchema = ZReviewPageRequestSchema.extend({
  slug: z.string().trim().min(1).max(100),
});
export { ZReviewPageSchema as ZListAgentReviewsResponseSchema } from "./review.types";
