import "server-only";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import {
  decodeCursor,
  encodeCursor,
  ZCatalogQuerySchema,
  type CatalogCursor,
  type CatalogQuery,
  type CatalogSort,
} from "../../schemas/catalog-query";
import { DomainError } from "../../errors";
import { countCategories, type CategoryCount } from "./catalog-facets";
import { listingSummaries, type ListingSummary } from "./listing-summary";
import { queryWords } from "./search-terms";
import { correctedTsQuery } from "./search-words";

/**
 * Above this many matches a query is "broad": text rank barely separates
 * thousands of listings that all mention the word, and ranking them all is
 * what costs time, so broad queries order their matches by popularity (an
 * index walk that stops after one page).
 */
export const BROAD_QUERY_MATCHES = 1000;

type Order = { key: Prisma.Sql; desc: boolean; idDesc: boolean };

/** Each order has a btree index on (status, key, id) so a page is an index walk. */
const ORDERS: Record<Exclude<CatalogSort, "relevance">, Order> = {
  popularity: { key: Prisma.sql`a."taskCount"`, desc: true, idDesc: false },
  rating: { key: Prisma.sql`a."ratingSort"`, desc: true, idDesc: false },
  price_asc: { key: Prisma.sql`a."pricePerTask"`, desc: false, idDesc: false },
  price_desc: { key: Prisma.sql`a."pricePerTask"`, desc: true, idDesc: true },
};

/** The WHERE terms of the filters (not the text query), on "Agent" a. */
export function catalogFilters(q: ReturnType<typeof ZCatalogQuerySchema.parse>): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`a.status = 'PUBLISHED'`];
  if (q.category) where.push(Prisma.sql`a.categories @> ARRAY[${q.category}]::text[]`);
  if (q.minPrice !== undefined) where.push(Prisma.sql`a."pricePerTask" >= ${q.minPrice}`);
  if (q.maxPrice !== undefined) where.push(Prisma.sql`a."pricePerTask" <= ${q.maxPrice}`);
  if (q.minRating !== undefined) where.push(Prisma.sql`a."ratingAvg" >= ${q.minRating}`);
  if (q.streaming !== undefined) where.push(Prisma.sql`a.streaming = ${q.streaming}`);
  if (q.pushNotifications !== undefined) where.push(Prisma.sql`a."pushNotifications" = ${q.pushNotifications}`);
  if (q.inputMode) where.push(Prisma.sql`a."inputModes" @> ARRAY[${q.inputMode}]::text[]`);
  if (q.outputMode) where.push(Prisma.sql`a."outputModes" @> ARRAY[${q.outputMode}]::text[]`);
  if (q.capability) {
    where.push(Prisma.sql`(a.tags @> ARRAY[${q.capability}]::text[] OR EXISTS (
      SELECT 1 FROM "AgentSkill" s WHERE s."agentId" = a.id AND s.tags @> ARRAY[${q.capability}]::text[]))`);
  }
  return where;
}

/** Rows after the cursor in this order: (key, id) strictly beyond the last row shown. */
function after(order: Order, cursor: CatalogCursor): Prisma.Sql {
  const keyOp = Prisma.raw(order.desc ? "<" : ">");
  const idOp = Prisma.raw(order.idDesc ? "<" : ">");
  return Prisma.sql`(${order.key} ${keyOp} ${cursor.v} OR (${order.key} = ${cursor.v} AND a.id ${idOp} ${cursor.id}))`;
}

export interface CatalogPage {
  items: ListingSummary[];
  nextCursor: string | null;
  sort: CatalogSort;
  /** With `facets: true`: per category, how many listings match the same query and filters (category aside). */
  facets?: CategoryCount[];
}

/**
 * Published listings matching the filters. With a query, full-text search on
 * the weighted search vector (name A, skills B, description/tags C; the last
 * word also as a prefix), ranked by ts_rank. Words the catalog does not know
 * are first widened to the catalog words within their typo budget
 * (search-words.ts), so "translater" still finds translators and "onrthwin"
 * Northwind's agents, without fuzzy-matching any row.
 * Broad queries (see BROAD_QUERY_MATCHES) list name/skill matches by
 * popularity instead. Keyset pagination on (sort key, id).
 */
export async function searchCatalog(raw: CatalogQuery, opts: { facets?: boolean } = {}): Promise<CatalogPage> {
  const query = ZCatalogQuerySchema.parse(raw);
  const text = query.q ?? "";
  const hasQuery = text.length > 0;
  const sort: CatalogSort = query.sort ?? (hasQuery ? "relevance" : "popularity");
  if (sort === "relevance" && !hasQuery)
    throw new DomainError("invalid_input", "Sorting by relevance needs a search query.");
  const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
  if (query.cursor && !cursor)
    throw new DomainError("invalid_input", "That page cursor is not valid for this search; start from the first page.");

  const where = catalogFilters(query);
  const words = queryWords(text);
  const tsquery = hasQuery ? await correctedTsQuery(db, words) : null;
  const fts = tsquery ? Prisma.sql`to_tsquery('english', ${tsquery})` : Prisma.sql`''::tsquery`;
  let rows: { id: string; k: number }[] | null = null;
  let mode: "rank" | "popular" | undefined;
  let order: Order;
  // The text condition the rows were found with, which the category counts reuse.
  let textMatch: Prisma.Sql | null = hasQuery ? Prisma.sql`a."searchVector" @@ ${fts}` : null;

  if (sort === "relevance") {
    order = { key: Prisma.sql`ts_rank(a."searchVector", ${fts}, 1)::float8`, desc: true, idDesc: false };
    if (cursor?.m !== "popular") {
      // One pass ranks up to BROAD_QUERY_MATCHES + 1 matches; more than that means a broad query.
      const ranked = await db.$queryRaw<{ id: string; k: number }[]>`
        SELECT a.id, ${order.key} AS k FROM "Agent" a
        WHERE ${Prisma.join([...where, Prisma.sql`a."searchVector" @@ ${fts}`], " AND ")}
        LIMIT ${BROAD_QUERY_MATCHES + 1}`;
      if (ranked.length <= BROAD_QUERY_MATCHES) {
        mode = "rank";
        rows = ranked
          .filter((r) => !cursor || r.k < cursor.v || (r.k === cursor.v && r.id > cursor.id))
          .sort((x, y) => y.k - x.k || (x.id < y.id ? -1 : 1))
          .slice(0, query.limit + 1);
      }
    }
    if (!rows) {
      // Broad: listings whose name or skills carry the words, most used first.
      mode = "popular";
      order = ORDERS.popularity;
      const tsQuery = await correctedTsQuery(db, words, { weights: "AB" });
      textMatch = Prisma.sql`a."searchVector" @@ to_tsquery('english', ${tsQuery})`;
      where.push(textMatch);
    }
  } else {
    order = ORDERS[sort];
    if (textMatch) where.push(textMatch);
  }

  // The text condition is settled now: the category counts run alongside the page's own queries.
  const facetWhere = [...catalogFilters({ ...query, category: undefined }), ...(textMatch ? [textMatch] : [])];
  const facets = opts.facets ? countCategories(facetWhere, facetWhere.length > 1) : undefined;
  // Settled with the page below; this keeps an early failure of the page's query from leaving it unobserved.
  facets?.catch(() => undefined);

  if (!rows) {
    if (cursor) where.push(after(order, cursor));
    const dir = (desc: boolean) => Prisma.raw(desc ? "DESC" : "ASC");
    rows = await db.$queryRaw<{ id: string; k: number }[]>`
      SELECT a.id, (${order.key})::float8 AS k FROM "Agent" a
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${order.key} ${dir(order.desc)}, a.id ${dir(order.idDesc)}
      LIMIT ${query.limit + 1}`;
  }

  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const [items, counts] = await Promise.all([listingSummaries(page.map((r) => r.id)), facets]);
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor({ s: sort, m: mode, v: last.k, id: last.id }) : null,
    sort,
    ...(counts ? { facets: counts } : {}),
  };
}
