import { z } from "zod";
import { handle, jsonError } from "@/server/http/handle";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { ZCatalogQuerySchema } from "@/server/services/registry/catalog-query";
import { RegistryError } from "@/server/services/registry/errors";
import { CATALOG_RATE_LIMIT, publicSummary } from "@/server/services/registry/public-shape";
import { searchCatalog } from "@/server/services/registry/search-catalog";

export const dynamic = "force-dynamic";

const int = z.coerce.number({ error: "must be a number" }).int("must be a whole number");
const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");
const ZParamsSchema = z.object({
  q: z.string().optional(),
  category: z.string().optional(),
  capability: z.string().optional(),
  inputMode: z.string().optional(),
  outputMode: z.string().optional(),
  sort: z.string().optional(),
  cursor: z.string().optional(),
  minPrice: int.optional(),
  maxPrice: int.optional(),
  minRating: z.coerce.number({ error: "must be a number" }).optional(),
  limit: int.optional(),
  streaming: bool.optional(),
  pushNotifications: bool.optional(),
});

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ");
}

/** GET /api/v1/agents — published listings: ?q, filters, sort, cursor, limit. */
export const GET = handle(async (request: Request) => {
  const { limited, headers } = await limitRequest(request, CATALOG_RATE_LIMIT);
  if (limited) return limited;
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const raw = ZParamsSchema.safeParse(params);
  if (!raw.success) return jsonError(400, "invalid_query", problems(raw.error), { headers });
  const query = ZCatalogQuerySchema.safeParse(raw.data);
  if (!query.success) return jsonError(400, "invalid_query", problems(query.error), { headers });
  try {
    const page = await searchCatalog(query.data);
    return Response.json(
      { agents: page.items.map(publicSummary), nextCursor: page.nextCursor, sort: page.sort },
      { headers },
    );
  } catch (error) {
    if (error instanceof RegistryError) return jsonError(400, "invalid_query", error.message, { headers });
    throw error;
  }
});
