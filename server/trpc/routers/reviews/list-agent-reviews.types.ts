import { ZReviewPageRequestSchema } from "./review.types";
import { zSlug } from "../../../schemas/primitives";

export const ZListAgentReviewsRequestSchema = ZReviewPageRequestSchema.extend({
  slug: zSlug,
});
export { ZReviewPageSchema as ZListAgentReviewsResponseSchema } from "./review.types";
