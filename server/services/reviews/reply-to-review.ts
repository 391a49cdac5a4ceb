import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";

/**
 * The seller answers a review of one of its agents (a second call edits the
 * answer). The review must be of an agent `sellerOrgId` owns; anything else
 * is "not found". Raw SQL because Prisma would bump the review's updatedAt,
 * which pages show as the buyer having edited it.
 */
export async function replyToReview(input: { sellerOrgId: string; reviewId: string; reply: string }) {
  const repliedAt = new Date();
  const count = await db.$executeRaw`
    UPDATE "Review" AS r
       SET "sellerReply" = ${input.reply}, "repliedAt" = ${repliedAt}
      FROM "Agent" AS a
     WHERE r.id = ${input.reviewId} AND a.id = r."agentId" AND a."orgId" = ${input.sellerOrgId}`;
  if (count === 0) throw new DomainError("not_found", "Review not found.");
  return { sellerReply: input.reply, repliedAt };
}
