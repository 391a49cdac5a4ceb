import "server-only";
import { listAgentReviews } from "../../../services/reviews/list-reviews";
import { protectedProcedure } from "../../init";
import { ZListAgentReviewsRequestSchema, ZListAgentReviewsResponseSchema } from "./list-agent-reviews.types";

export const listAgentReviewsProcedure = protectedProcedure
  .input(ZListAgentReviewsRequestSchema)
  .output(ZListAgentReviewsResponseSchema)
  .query(({ input }) => listAgentReviews(input));
