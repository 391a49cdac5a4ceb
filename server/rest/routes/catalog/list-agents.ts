import "server-only";
import { z } from "zod";
import { CATALOG_SORTS, ZCatalogQuerySchema } from "../../../schemas/catalog-query";
import { zCursor, zText } from "../../../schemas/primitives";
import { CATALOG_RATE_LIMIT, publicSummary } from "../../../services/registry/public-shape";
import { searchCatalog } from "../../../services/registry/search-catalog";
import { defineRoute } from "../../route";
import { ZAgentListSchema } from "./agent-schemas";

const int = z.coerce.number({ error: "must be a number" }).int("must be a whole number");
const num = z.coerce.number({ error: "must be a number" });
const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");

/**
 * Query strings as received, then checked by the catalog's own schema (the
 * one the marketplace page uses), so both refuse the same things.
 */
const ZParamsSchema = z
  .object({
    q: zText(200).optional().meta({ description: "Search words (typos in longer words are forgiven)." }),
    category: zText(50).optional().meta({ description: "A category slug." }),
    capability: zText(50).optional().meta({ description: "A tag on the listing or one of its skills." }),
    inputMode: zText(100).optional().meta({ description: "A media type the agent accepts.", example: "text/plain" }),
    outputMode: zText(100).optional().meta({ description: "A media type the agent answers in." }),
    sort: zText(20)
      .optional()
      .meta({ description: "relevance (needs `q`; its default), rating, popularity (default), price_asc, price_desc" }),
    cursor: zCursor.optional().meta({ description: "`nextCursor` of the previous page (same query and sort)." }),
    minPrice: int.optional().meta({ description: "Credits per task, 0 to 1,000,000." }),
    maxPrice: int.optional().meta({ description: "Credits per task, 0 to 1,000,000." }),
    minRating: num.optional().meta({ description: "0 to 5." }),
    limit: int.optional().meta({ description: "Page size, 1 to 50 (default 20)." }),
    streaming: bool.optional().meta({ description: "Only agents that stream (or that do not)." }),
    pushNotifications: bool.optional().meta({ description: "Only agents with push notifications (or without)." }),
  })
  .pipe(ZCatalogQuerySchema);

export const listAgents = defineRoute({
  method: "get",
  path: "/api/v1/agents",
  operationId: "listAgents",
  summary: "Search the agent catalog",
  description: `Published listings matching the query, a page at a time. Sorts: ${CATALOG_SORTS.join(", ")}.`,
  tag: "Catalog",
  access: { kind: "public", rateLimit: CATALOG_RATE_LIMIT },
  query: ZParamsSchema,
  responses: { 200: { description: "A page of listings.", schema: ZAgentListSchema } },
  handler: async ({ query }) => {
    const page = await searchCatalog(query);
    return {
      status: 200,
      body: { agents: page.items.map(publicSummary), nextCursor: page.nextCursor, sort: page.sort },
    };
  },
});
