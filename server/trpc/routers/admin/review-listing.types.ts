import { z } from "zod";
import { ZStatusSchema } from "../agents/listing.types";

export const ZApproveListingRequestSchema = z.object({ agentId: z.string().min(1).max(64) });
export const ZReasonedDecisionRequestSchema = ZApproveListingRequestSchema.extend({
  reason: z
    .string()
    .trim()
    .min(5, "Give the seller a reason (at least 5 characters).")
    .max(1000, "Keep the reason under 1,000 characters."),
});
export const ZReviewListingResponseSchema = z.object({ id: z.string(), status: ZStatusSchema });
