import "server-only";

/**
 * The pure pieces of matching a free-text need to skills, shared by the
 * registry's "describe what you need" (need-terms.ts, over Postgres) and the
 * company manager's in-memory matching over an org's staff.
 */

/** Words people use to ask, not to say what they need. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  "need",
  "want",
  "help",
  "someone",
  "somebody",
  "something",
  "agent",
  "please",
  "would",
  "like",
  "could",
  "can",
  "get",
  "make",
  "looking",
  "find",
]);

/**
 * How much a word says about a need, from the share (0..1) of skills that use
 * it: inverse document frequency, so "invoice" counts for more than "check".
 * A share of 0 (no statistics for the word) weighs 1.
 */
export const rarityWeight = (share: number): number => (share > 0 ? Math.log(1 + 1 / share) : 1);
