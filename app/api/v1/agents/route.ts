import { z } from "zod";
import { invalidParams, restRoute } from "@/server/http/rest";
import { zCursor, zText } from "@/server/schemas/primitives";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { ZCatalogQuerySchema } from "@/server/schemas/catalog-query";
import { CATALOG_RATE_LIMIT, publicSummary } from "@/server/services/registry/public-shape";
import { searchCatalog } from "@/server/services/registry/search-catalog";

export const dynamic = "force-dynamic";

const int = z.coerce.number({ error: "must be a number" }).int("must be a whole number");
const num = z.coerce.number({ error: "must be a number" });
const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");
/** Query strings as received (each still checked by ZCatalogQuerySchema afterwards). */
const ZParamsSchema = z.object({
  q: zText(200).optional(),
  category: zText(50).optional(),
  capability: zText(50).optional(),
  inputMode: zText(100).optional(),
  outputMode: zText(100).optional(),
  sort: zText(20).optional(),
  cursor: zCursor.optional(),
  minPrice: int.optional(),
  maxPrice: int.optional(),
  minRating: num.optional(),
  limit: int.optional(),
  streaming: bool.optional(),
  pushNotifications: bool.optional(),
});

/** GET /api/v1/agents — published listings: ?q, filters, sort, cursor, limit. */
export const GET = restRoute(async (request: Request, _context: unknown, answer) => {
  const { limited, headers } = await limitRequest(request, CATALOG_RATE_LIMIT);
  if (limited) return limited;
  for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
  const params = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
  const raw = ZParamsSchema.safeParse(params);
  if (!raw.success) throw invalidParams(raw.error);
  const query = ZCatalogQuerySchema.safeParse(raw.data);
  if (!query.success) throw invalidParams(query.error);
  const page = await searchCatalog(query.data);
  return Response.json({ agents: page.items.map(publicSummary), nextCursor: page.nextCursor, sort: page.sort });
});
