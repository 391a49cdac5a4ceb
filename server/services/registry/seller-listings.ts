import "server-only";
import { db } from "../../db";
import { diffCards, type CardChange } from "./card-diff";
import { DomainError } from "../../errors";
import { listingPhase } from "../../schemas/listing-state";
import { listingMonthNumbers } from "./seller-overview";

const PAGE = 20;

/**
 * A seller org's listings, newest first, with status and the reviewer's
 * reason, and each one's numbers: this month's earnings and buyers' tasks,
 * all-time tasks, rating and health.
 */
export async function listSellerListings(input: { orgId: string; cursor?: string | null; now?: Date }) {
  const rows = await db.agent.findMany({
    where: { orgId: input.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PAGE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      statusReason: true,
      pricePerTask: true,
      categories: true,
      health: true,
      healthFlagged: true,
      currentVersion: true,
      updatedAt: true,
      taskCount: true,
      publishedAt: true,
      ratingAvg: true,
      ratingCount: true,
      lastCheckedAt: true,
    },
  });
  const page = rows.slice(0, PAGE);
  const numbers = await listingMonthNumbers({ orgId: input.orgId, agentIds: page.map((r) => r.id), now: input.now });
  return {
    items: page.map((row) => ({ ...row, phase: listingPhase(row), ...numbers(row.id) })),
    nextCursor: rows.length > PAGE ? (rows[PAGE - 1]?.id ?? null) : null,
  };
}

/** One listing of the seller org with its versions (each with the diff to the one before) and recent health. */
export async function getSellerListing(input: { orgId: string; agentId: string }) {
  const agent = await db.agent.findFirst({
    where: { id: input.agentId, orgId: input.orgId },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      status: true,
      statusReason: true,
      cardUrl: true,
      endpointUrl: true,
      pricePerTask: true,
      categories: true,
      tags: true,
      streaming: true,
      pushNotifications: true,
      currentVersion: true,
      health: true,
      healthFailures: true,
      healthFlagged: true,
      lastCheckedAt: true,
      lastLatencyMs: true,
      submittedAt: true,
      reviewedAt: true,
      publishedAt: true,
      createdAt: true,
      skills: {
        orderBy: { position: "asc" },
        select: { skillId: true, name: true, description: true, tags: true, examples: true },
      },
      versions: {
        orderBy: { version: "desc" },
        select: { version: true, cardVersion: true, source: true, createdAt: true, card: true },
      },
      healthChecks: {
        orderBy: { checkedAt: "desc" },
        take: 20,
        select: { id: true, ok: true, httpStatus: true, latencyMs: true, error: true, checkedAt: true },
      },
    },
  });
  if (!agent) throw new DomainError("agent_not_found", "Listing not found.");
  const versions = agent.versions.map((v, i) => {
    const previous = agent.versions[i + 1];
    const changes: CardChange[] = previous ? diffCards(previous.card, v.card) : [];
    return { version: v.version, cardVersion: v.cardVersion, source: v.source, createdAt: v.createdAt, changes };
  });
  return { ...agent, phase: listingPhase(agent), versions, card: agent.versions[0]?.card ?? null };
}
