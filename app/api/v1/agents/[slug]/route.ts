import { handle, jsonError } from "@/server/http/handle";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { RegistryError } from "@/server/services/registry/errors";
import { getPublishedListing } from "@/server/services/registry/get-listing";
import { CATALOG_RATE_LIMIT } from "@/server/services/registry/public-shape";

export const dynamic = "force-dynamic";

/** GET /api/v1/agents/{slug} — one published listing with skills, card and gateway URLs. */
export const GET = handle(async (request: Request, context: { params: Promise<{ slug: string }> }) => {
  const { limited, headers } = await limitRequest(request, CATALOG_RATE_LIMIT);
  if (limited) return limited;
  const { slug } = await context.params;
  try {
    const agent = await getPublishedListing({ slug: slug.slice(0, 100) });
    const { id: _id, health, healthFlagged, healthFailures, lastCheckedAt, lastLatencyMs, ...rest } = agent;
    return Response.json(
      {
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
      },
      { headers },
    );
  } catch (error) {
    if (error instanceof RegistryError && error.code === "NOT_FOUND")
      return jsonError(404, "not_found", error.message, { headers });
    throw error;
  }
});
