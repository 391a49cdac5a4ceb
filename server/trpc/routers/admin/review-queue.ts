import "server-only";
import { listForReview } from "../../../services/registry/review-queue";
import { adminProcedure } from "../../init";
import { ZReviewQueueRequestSchema, ZReviewQueueResponseSchema } from "./review-queue.types";

export const reviewQueueProcedure = adminProcedure
  .input(ZReviewQueueRequestSchema)
  .output(ZReviewQueueResponseSchema)
  .query(({ input }) => listForReview(input));
