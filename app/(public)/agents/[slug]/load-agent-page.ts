import "server-only";
import { cache } from "react";
import { isDomainError } from "@/server/errors";
import { zCursor } from "@/server/schemas/primitives";
import { getAgentQuality } from "@/server/services/quality/agent-quality";
import { getPublishedListing } from "@/server/services/registry/get-listing";
import { listAgentReviews } from "@/server/services/reviews/list-reviews";

/** One read of the listing per request, shared by the page and its metadata; null when not published. */
export const publishedListing = cache(async (slug: string) => {
  try {
    return await getPublishedListing({ slug });
  } catch (error) {
    if (isDomainError(error) && error.kind === "not_found") return null;
    throw error;
  }
});

/** Everything the agent page shows, read through the services on the server. */
export async function loadAgentPage(slug: string, reviewsCursor: string | undefined) {
  const agent = await publishedListing(slug);
  if (!agent) return null;
  const cursor = zCursor.safeParse(reviewsCursor).success ? reviewsCursor : undefined;
  const [quality, reviews] = await Promise.all([
    getAgentQuality({ agentId: agent.id }),
    listAgentReviews({ slug, cursor, limit: 5 }),
  ]);
  return { agent, quality, reviews: { ...reviews, older: Boolean(cursor) } };
}
