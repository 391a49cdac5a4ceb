import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { CATEGORIES } from "./categories";

export interface CategoryCount {
  slug: string;
  label: string;
  count: number;
}

let cache: { at: number; value: CategoryCount[] } | null = null;
const TTL_MS = 60_000;

const withLabels = (rows: { slug: string; count: number }[]): CategoryCount[] => {
  const counts = new Map(rows.map((r) => [r.slug, r.count]));
  return CATEGORIES.map((c) => ({ slug: c.slug, label: c.label, count: counts.get(c.slug) ?? 0 }));
};

/**
 * Categories with how many published agents each holds. Counting a large
 * catalog on every page view is wasteful, and a minute-old count is fine.
 */
export async function catalogCategories(): Promise<CategoryCount[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value;
  const rows = await db.$queryRaw<{ slug: string; count: number }[]>`
    SELECT c AS slug, count(*)::int AS count FROM "Agent", unnest(categories) c
    WHERE status = 'PUBLISHED' GROUP BY c`;
  const value = withLabels(rows);
  cache = { at: Date.now(), value };
  return value;
}

/**
 * Per category, the listings matching `where` (terms on "Agent" a, from
 * search-catalog.ts): the counts beside the category chips follow the
 * search and the other filters. Unfiltered, the cached totals serve.
 */
export async function countCategories(where: Prisma.Sql[], filtered: boolean): Promise<CategoryCount[]> {
  if (!filtered) return catalogCategories();
  const rows = await db.$queryRaw<{ slug: string; count: number }[]>`
    SELECT c AS slug, count(*)::int AS count FROM "Agent" a, unnest(a.categories) c
    WHERE ${Prisma.join(where, " AND ")} GROUP BY c`;
  return withLabels(rows);
}
