import { z } from "zod";
import { zCursor, zId, zPageSize, zSlug, zText } from "./primitives";

export const CATALOG_SORTS = ["relevance", "rating", "popularity", "price_asc", "price_desc"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

/** One schema for the UI (tRPC) and programs (/api/v1/agents). */
export const ZCatalogQuerySchema = z
  .object({
    q: zText(200, "Keep the search under 200 characters.").optional(),
    category: zSlug.max(50, "That category is too long.").optional(),
    minPrice: z.number().int().min(0).max(1_000_000).optional(),
    maxPrice: z.number().int().min(0).max(1_000_000).optional(),
    minRating: z.number().min(0).max(5).optional(),
    /** A capability tag on the listing or one of its skills, e.g. "translation". */
    capability: zText(50).toLowerCase().optional(),
    /** A media type, e.g. "text/plain". */
    inputMode: zText(100).optional(),
    outputMode: zText(100).optional(),
    streaming: z.boolean().optional(),
    pushNotifications: z.boolean().optional(),
    /** Defaults to relevance with a query, popularity without. */
    sort: z.enum(CATALOG_SORTS).optional(),
    cursor: zCursor.optional(),
    limit: zPageSize({ max: 50, default: 20 }),
  })
  .refine((q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice, {
    message: "The minimum price is above the maximum price.",
    path: ["minPrice"],
  });
export type CatalogQuery = z.input<typeof ZCatalogQuerySchema>;

/** Postgres integer's range: the integer sort keys compare against an int4 column. */
const INT4_MAX = 2_147_483_647;

/** Orders whose key is an integer column (task count, price); a fractional or huge value would fail the query. */
const integerKey = (c: { s: CatalogSort; m?: "rank" | "popular" }) =>
  c.s === "popularity" || c.s === "price_asc" || c.s === "price_desc" || (c.s === "relevance" && c.m === "popular");

/** `m`: how a relevance search ranks (text rank, or popularity for very broad queries). */
const ZCursorSchema = z
  .object({
    s: z.enum(CATALOG_SORTS),
    m: z.enum(["rank", "popular"]).optional(),
    v: z.number(),
    id: zId,
  })
  .refine((c) => !integerKey(c) || (Number.isInteger(c.v) && Math.abs(c.v) <= INT4_MAX));
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
