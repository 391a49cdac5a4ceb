import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";
import { ZStatusSchema } from "../agents/listing.types";

export const ZApproveListingRequestSchema = z.object({ agentId: zId });
export const ZReasonedDecisionRequestSchema = ZApproveListingRequestSchema.extend({
  reason: zText(1000, "Keep the reason under 1,000 characters.").min(
    5,
    "Give the seller a reason (at least 5 characters).",
  ),
});
export const ZReviewListingResponseSchema = z.object({ id: z.string(), status: ZStatusSchema });
