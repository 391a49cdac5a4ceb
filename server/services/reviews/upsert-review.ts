import "server-only";
import { db, type Tx } from "../../db";
import { DomainError } from "../../errors";

export interface UpsertReviewInput {
  orgId: string;
  userId: string;
  agentSlug: string;
  /** Whole stars, 1 to 5 (the procedure's schema checks; the database keeps whatever passes). */
  rating: number;
  text: string;
}

/**
 * Writes the org's one review of an agent (a second call edits it) and
 * recomputes the agent's denormalised rating in the same transaction. Only
 * an org that ran the agent to completion may review it, and never the
 * seller's own org.
 */
export async function upsertReview(input: UpsertReviewInput) {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    throw new DomainError("invalid_input", "A rating is a whole number of stars from 1 to 5.");
  }
  const agent = await db.agent.findUnique({ where: { slug: input.agentSlug }, select: { id: true, orgId: true } });
  if (!agent) throw new DomainError("agent_not_found", "No agent has that address.");
  if (agent.orgId === input.orgId) throw new DomainError("forbidden", "Sellers cannot review their own agents.");
  const completed = await db.task.findFirst({
    where: { orgId: input.orgId, agentId: agent.id, state: "COMPLETED" },
    select: { id: true },
  });
  if (!completed) throw new DomainError("not_eligible", "Run this agent to completion before reviewing it.");

  return db.$transaction(async (tx) => {
    // Serialises rating writes per agent, so the recomputation below sees
    // every committed review (two orgs reviewing at once cannot both miss
    // each other's row).
    await tx.$queryRaw`SELECT id FROM "Agent" WHERE id = ${agent.id} FOR UPDATE`;
    const review = await tx.review.upsert({
      where: { agentId_orgId: { agentId: agent.id, orgId: input.orgId } },
      create: { agentId: agent.id, orgId: input.orgId, userId: input.userId, rating: input.rating, text: input.text },
      update: { userId: input.userId, rating: input.rating, text: input.text },
      select: {
        id: true,
        rating: true,
        text: true,
        sellerReply: true,
        repliedAt: true,
        createdAt: true,
        updatedAt: true,
      },
    });
    await refreshAgentRating(tx, agent.id);
    return review;
  });
}

/** Agent.ratingAvg / ratingCount from the agent's reviews (the catalog sorts on them). */
export async function refreshAgentRating(tx: Tx, agentId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Agent" AS a
       SET "ratingAvg" = r.avg, "ratingCount" = r.count
      FROM (SELECT avg(rating)::float8 AS avg, count(*)::int AS count FROM "Review" WHERE "agentId" = ${agentId}) AS r
     WHERE a.id = ${agentId}`;
}
