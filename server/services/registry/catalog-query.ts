import { z } from "zod";

export const CATALOG_SORTS = ["relevance", "rating", "popularity", "price_asc", "price_desc"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** One schema for the UI (tRPC) and programs (/api/v1/agents). */
export const ZCatalogQuerySchema = z
  .object({
    q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
    category: z.string().trim().max(50).optional(),
    minPrice: z.number().int().min(0).max(1_000_000).optional(),
    maxPrice: z.number().int().min(0).max(1_000_000).optional(),
    minRating: z.number().min(0).max(5).optional(),
    /** A capability tag on the listing or one of its skills, e.g. "translation". */
    capability: z.string().trim().toLowerCase().max(50).optional(),
    inputMode: z.string().trim().max(100).optional(),
    outputMode: z.string().trim().max(100).optional(),
    streaming: z.boolean().optional(),
    pushNotifications: z.boolean().optional(),
    /** Defaults to relevance with a query, popularity without. */
    sort: z.enum(CATALOG_SORTS).optional(),
    cursor: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    message: "The minimum price is above the maximum price.",
    path: ["minPrice"],
  });
export type CatalogQuery = z.input<typeof ZCatalogQuerySchema>;

/** `m`: how a relevance search ranks (text rank, or popularity for very broad queries). */
const ZCursorSchema = z.object({
  s: z.enum(CATALOG_SORTS),
  m: z.enum(["rank", "popular"]).optional(),
  v: z.number(),
  id: z.string().max(64),
});
export type CatalogCursor = z.infer<typeof ZCursorSchema>;

/** Opaque to clients: the sort it belongs to, the last row's sort value and id. */
export function encodeCursor(cursor: CatalogCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string, sort: CatalogSort): CatalogCursor | null {
  try {
    const parsed = ZCursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success && parsed.data.s === sort ? parsed.data : null;
  } catch {
    return null;
  }
}
