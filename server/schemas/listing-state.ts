import type { AgentStatus } from "../generated/prisma/enums";

/**
 * What a listing is, as sellers, admins and buyers read it: its status, plus
 * one phase told apart by a fact already stored.
 *
 * - PAUSED: the seller took a published listing off the marketplace for a
 *   while and may resume it without review.
 * - SUSPENDED: Bureau took it off, always with the reason the seller is
 *   shown (reviewListing refuses an empty one); only review brings it back.
 * - UNPUBLISHED: a draft that was published before (publishedAt is kept);
 *   coming back goes through review like any draft.
 */
export type ListingPhase = AgentStatus | "UNPUBLISHED";

export interface ListingStateFacts {
  status: AgentStatus;
  publishedAt: Date | null;
}

export function listingPhase(facts: ListingStateFacts): ListingPhase {
  if (facts.status === "DRAFT" && facts.publishedAt !== null) return "UNPUBLISHED";
  return facts.status;
}

export const PHASE_WORDS: Record<ListingPhase, string> = {
  DRAFT: "a draft",
  UNPUBLISHED: "unpublished",
  IN_REVIEW: "in review",
  PUBLISHED: "published",
  PAUSED: "paused",
  SUSPENDED: "suspended",
};
