import { restRoute } from "@/server/http/rest";
import { DomainError } from "@/server/errors";
import { parsePathParam, zSlug } from "@/server/schemas/primitives";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { getPublishedListing } from "@/server/services/registry/get-listing";
import { CATALOG_RATE_LIMIT } from "@/server/services/registry/public-shape";

export const dynamic = "force-dynamic";

/** GET /api/v1/agents/{slug} — one published listing with skills, card and gateway URLs. */
export const GET = restRoute(async (request: Request, context: { params: Promise<{ slug: string }> }, answer) => {
  const { limited, headers } = await limitRequest(request, CATALOG_RATE_LIMIT);
  if (limited) return limited;
  for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
  // A segment no slug can have (a NUL, %00, a lone surrogate, 10 KB) names no agent.
  const slug = parsePathParam(zSlug, (await context.params).slug);
  if (!slug) throw new DomainError("agent_not_found", "No published agent has that address.");
  const agent = await getPublishedListing({ slug });
  const { id: _id, health, healthFlagged, healthFailures, lastCheckedAt, lastLatencyMs, ...rest } = agent;
  return Response.json({
    agent: {
      ...rest,
      health: {
        status: health.toLowerCase(),
        flagged: healthFlagged,
        consecutiveFailures: healthFailures,
        lastCheckedAt,
        lastLatencyMs,
      },
    },
  });
});
