import "server-only";
import { createTRPCRouter } from "../../init";
import { listAgentReviewsProcedure } from "./list-agent-reviews";
import { listSellerReviewsProcedure } from "./list-seller-reviews";
import { replyToReviewProcedure } from "./reply-to-review";
import { upsertReviewProcedure } from "./upsert-review";

/** Buyers rate agents they ran; sellers answer. */
export const reviewsRouter = createTRPCRouter({
  upsert: upsertReviewProcedure,
  reply: replyToReviewProcedure,
  listForAgent: listAgentReviewsProcedure,
  listForSeller: listSellerReviewsProcedure,
});
