import { z } from "zod";

export const ZUpsertReviewRequestSchema = z.object({
  agentSlug: z.string().trim().min(1).max(100),
  rating: z
    .number()
    .int("Choose a whole number of stars.")
    .min(1, "Choose 1 to 5 stars.")
    .max(5, "Choose 1 to 5 stars."),
  text: z.string().trim().max(2_000, "Keep the review under 2,000 characters.").default(""),
});
export { ZOwnReviewSchema as ZUpsertReviewResponseSchema } from "./review.types";
