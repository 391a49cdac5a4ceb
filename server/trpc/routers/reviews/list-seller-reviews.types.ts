import { z } from "zod";
import { zSlug } from "../../../schemas/primitives";
import { ZReviewPageRequestSchema } from "./review.types";

export const ZListSellerReviewsRequestSchema = ZReviewPageRequestSchema.extend({
  agentSlug: zSlug.nullish(),
  unanswered: z.boolean().default(false),
});
export { ZReviewPageSchema as ZListSellerReviewsResponseSchema } from "./review.types";
