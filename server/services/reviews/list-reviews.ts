import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { DomainError } from "../../errors";

interface Page {
  /** The last id of the previous page (ids are time-ordered UUIDv7). */
  cursor?: string | null;
  limit: number;
}

const REVIEW_SELECT = {
  id: true,
  orgId: true,
  rating: true,
  text: true,
  sellerReply: true,
  repliedAt: true,
  createdAt: true,
  updatedAt: true,
  agent: { select: { slug: true, name: true } },
} satisfies Prisma.ReviewSelect;

/**
 * Newest first, with the reviewing org's name (never who in it wrote the
 * review: buyers review as their company).
 */
async function pageOfReviews(where: Prisma.ReviewWhereInput, page: Page) {
  const rows = await db.review.findMany({
    where: { ...where, ...(page.cursor ? { id: { lt: page.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: page.limit + 1,
    select: REVIEW_SELECT,
  });
  const items = rows.slice(0, page.limit);
  const orgs = await db.organization.findMany({
    where: { id: { in: [...new Set(items.map((r) => r.orgId))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    items: items.map(({ orgId, ...review }) => ({ ...review, orgName: nameOf.get(orgId) ?? "A former customer" })),
    nextCursor: rows.length > page.limit ? (items.at(-1)?.id ?? null) : null,
  };
}

/** Reviews of a published agent, for its public page. */
export async function listAgentReviews(input: Page & { slug: string }) {
  const agent = await db.agent.findFirst({ where: { slug: input.slug, status: "PUBLISHED" }, select: { id: true } });
  if (!agent) throw new DomainError("agent_not_found", "No published agent has that address.");
  return pageOfReviews({ agentId: agent.id }, input);
}

/** Reviews of every agent a seller org lists (any status), optionally one agent's. */
export async function listSellerReviews(
  input: Page & { sellerOrgId: string; agentSlug?: string | null; unanswered?: boolean },
) {
  return pageOfReviews(
    {
      agent: { orgId: input.sellerOrgId, ...(input.agentSlug ? { slug: input.agentSlug } : {}) },
      ...(input.unanswered ? { sellerReply: null } : {}),
    },
    input,
  );
}
