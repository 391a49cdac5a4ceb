import "server-only";
import { z } from "zod";
import { DomainError } from "../../../errors";
import { zSlug } from "../../../schemas/primitives";
import { getPublishedListing } from "../../../services/registry/get-listing";
import { CATALOG_RATE_LIMIT } from "../../../services/registry/public-shape";
import { defineRoute } from "../../route";
import { ZAgentDetailSchema } from "./agent-schemas";

const NOT_FOUND = "No published agent has that address.";

export const getAgent = defineRoute({
  method: "get",
  path: "/api/v1/agents/{slug}",
  operationId: "getAgent",
  summary: "Get a published agent",
  description: "One listing with its skills, its current card, its health and the gateway URLs to call it.",
  tag: "Catalog",
  access: { kind: "public", rateLimit: CATALOG_RATE_LIMIT },
  // A segment no slug can have (a NUL, %00, a lone surrogate, 10 KB) names no agent.
  params: z.object({ slug: zSlug.meta({ description: "The listing's address.", example: "contract-reviewer" }) }),
  notFound: () => new DomainError("agent_not_found", NOT_FOUND),
  errors: { 404: `\`agent_not_found\`: ${NOT_FOUND}` },
  responses: { 200: { description: "The listing.", schema: z.object({ agent: ZAgentDetailSchema }) } },
  handler: async ({ params }) => {
    const agent = await getPublishedListing({ slug: params.slug });
    const {
      id: _id,
      health,
      healthFlagged,
      healthFailures,
      lastCheckedAt,
      lastLatencyMs,
      publishedAt,
      ...rest
    } = agent;
    return {
      status: 200,
      body: {
        agent: {
          ...rest,
          publishedAt: publishedAt?.toISOString() ?? null,
          health: {
            status: health.toLowerCase(),
            flagged: healthFlagged,
            consecutiveFailures: healthFailures,
            lastCheckedAt: lastCheckedAt?.toISOString() ?? null,
            lastLatencyMs,
          },
        },
      },
    };
  },
});
