import type { AgentStatus } from "../generated/prisma/enums";

/**
 * What a listing is, as sellers, admins and buyers read it. The database has
 * four statuses; two more phases are told apart by facts already stored:
 *
 * - PAUSED: the seller took a published listing off the marketplace for a
 *   while and may resume it without review. Stored as SUSPENDED with no
 *   reason: Bureau's own suspensions always carry the reason the seller is
 *   shown (reviewListing refuses an empty one), a seller's pause never does.
 *   A dedicated AgentStatus value would say the same more plainly; this
 *   module is the one place that knows the encoding, so moving to one is a
 *   change here plus a data migration.
 * - UNPUBLISHED: a draft that was published before (publishedAt is kept);
 *   coming back goes through review like any draft.
 */
export type ListingPhase = "DRAFT" | "UNPUBLISHED" | "IN_REVIEW" | "PUBLISHED" | "PAUSED" | "SUSPENDED";

export interface ListingStateFacts {
  status: AgentStatus;
  statusReason: string | null;
  publishedAt: Date | null;
}

/** The `where` of a paused listing. */
export const PAUSED_WHERE = { status: "SUSPENDED", statusReason: null } as const;
/** The `where` of a listing Bureau suspended (as opposed to one its seller paused). */
export const SUSPENDED_BY_BUREAU_WHERE = { status: "SUSPENDED", statusReason: { not: null } } as const;

export function listingPhase(facts: ListingStateFacts): ListingPhase {
  if (facts.status === "SUSPENDED") return facts.statusReason === null ? "PAUSED" : "SUSPENDED";
  if (facts.status === "DRAFT" && facts.publishedAt !== null) return "UNPUBLISHED";
  return facts.status;
}

export const isPaused = (facts: Pick<ListingStateFacts, "status" | "statusReason">) =>
  facts.status === "SUSPENDED" && facts.statusReason === null;

export const PHASE_WORDS: Record<ListingPhase, string> = {
  DRAFT: "a draft",
  UNPUBLISHED: "unpublished",
  IN_REVIEW: "in review",
  PUBLISHED: "published",
  PAUSED: "paused",
  SUSPENDED: "suspended",
};
