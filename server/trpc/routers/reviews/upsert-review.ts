import "server-only";
import { upsertReview } from "../../../services/reviews/upsert-review";
import { orgRoleProcedure } from "../../init";
import { ZUpsertReviewRequestSchema, ZUpsertReviewResponseSchema } from "./upsert-review.types";

/** The org's one review of an agent it ran to completion; calling again edits it. */
export const upsertReviewProcedure = orgRoleProcedure("member")
  .input(ZUpsertReviewRequestSchema)
  .output(ZUpsertReviewResponseSchema)
  .mutation(({ ctx, input }) => upsertReview({ ...input, orgId: ctx.org.id, userId: ctx.user.id }));
