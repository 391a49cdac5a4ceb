import "server-only";
import { listSellerReviews } from "../../../services/reviews/list-reviews";
import { orgProcedure } from "../../init";
import { ZListSellerReviewsRequestSchema, ZListSellerReviewsResponseSchema } from "./list-seller-reviews.types";

/** Reviews of the agents this org sells; any member may read them, admins reply. */
export const listSellerReviewsProcedure = orgProcedure
  .input(ZListSellerReviewsRequestSchema)
  .output(ZListSellerReviewsResponseSchema)
  .query(({ ctx, input }) => listSellerReviews({ ...input, sellerOrgId: ctx.org.id }));
