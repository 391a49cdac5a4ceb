import "server-only";
import { db } from "../../db";
import type { AgentStatus } from "../../generated/prisma/enums";
import { listingPhase, type ListingPhase } from "../../schemas/listing-state";

const PAGE = 20;

export interface SameEndpointListing {
  id: string;
  slug: string;
  name: string;
  sellerName: string;
  sameSeller: boolean;
  phase: ListingPhase;
}

/**
 * Other listings whose endpoint is the same server path as one of these
 * (scheme and host case and a trailing slash ignored): a second listing of
 * someone's agent is the first thing a reviewer should notice.
 */
async function sameEndpoints(ids: string[]): Promise<Map<string, SameEndpointListing[]>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<
    {
      forId: string;
      id: string;
      slug: string;
      name: string;
      sellerName: string;
      sameSeller: boolean;
      status: AgentStatus;
      publishedAt: Date | null;
    }[]
  >`
    SELECT a.id AS "forId", o.id, o.slug, o.name, org.name AS "sellerName", o."orgId" = a."orgId" AS "sameSeller",
           o.status, o."publishedAt"
      FROM "Agent" a
      JOIN "Agent" o ON o.id <> a.id AND rtrim(lower(o."endpointUrl"), '/') = rtrim(lower(a."endpointUrl"), '/')
      JOIN "organization" org ON org.id = o."orgId"
     WHERE a.id = ANY(${ids}::text[])
     ORDER BY o."createdAt" ASC`;
  const byId = new Map<string, SameEndpointListing[]>();
  for (const { forId, status, publishedAt, ...other } of rows) {
    byId.set(forId, [...(byId.get(forId) ?? []), { ...other, phase: listingPhase({ status, publishedAt }) }]);
  }
  return byId;
}

/**
 * Listings for platform admins, oldest submission first (the queue is fair),
 * each with what a reviewer needs: the current card, the last health check,
 * and any other listing already using the same endpoint.
 */
export async function listForReview(input: { status: AgentStatus; cursor?: string | null }) {
  const rows = await db.agent.findMany({
    where: { status: input.status },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: PAGE + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      status: true,
      statusReason: true,
      publishedAt: true,
      cardUrl: true,
      endpointUrl: true,
      pricePerTask: true,
      categories: true,
      submittedAt: true,
      health: true,
      healthFlagged: true,
      currentVersion: true,
      org: { select: { name: true } },
      skills: { orderBy: { position: "asc" }, select: { name: true } },
      versions: { orderBy: { version: "desc" }, take: 1, select: { card: true } },
      healthChecks: {
        orderBy: { checkedAt: "desc" },
        take: 1,
        select: { ok: true, httpStatus: true, latencyMs: true, error: true, checkedAt: true },
      },
    },
  });
  const page = rows.slice(0, PAGE);
  const [counts, duplicates] = await Promise.all([
    db.agent.groupBy({ by: ["status"], _count: { _all: true } }),
    sameEndpoints(page.map((r) => r.id)),
  ]);
  return {
    items: page.map(({ org, skills, versions, healthChecks, ...rest }) => ({
      ...rest,
      phase: listingPhase(rest),
      sellerName: org.name,
      skillNames: skills.map((s) => s.name),
      card: versions[0]?.card ?? null,
      lastCheck: healthChecks[0] ?? null,
      sameEndpoint: duplicates.get(rest.id) ?? [],
    })),
    nextCursor: rows.length > PAGE ? (rows[PAGE - 1]?.id ?? null) : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
  };
}
