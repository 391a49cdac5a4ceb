import { z } from "zod";
import { zSlug, zText } from "../../../schemas/primitives";

export const ZUpsertReviewRequestSchema = z.object({
  agentSlug: zSlug,
  rating: z
    .number()
    .int("Choose a whole number of stars.")
    .min(1, "Choose 1 to 5 stars.")
    .max(5, "Choose 1 to 5 stars."),
  text: zText(2_000, "Keep the review under 2,000 characters.").default(""),
});
export { ZOwnReviewSchema as ZUpsertReviewResponseSchema } from "./review.types";
