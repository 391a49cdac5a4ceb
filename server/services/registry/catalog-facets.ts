import "server-only";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { CATEGORIES } from "../../schemas/categories";

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
 * Counts of recent searches and filters, a minute at most, like the totals:
 * the expensive ones are the broad searches ("translation", "streams live")
 * matching tens of thousands of listings, which are also the ones many
 * buyers run; a narrow search is cheap to count again.
 */
const recent = new Map<string, { at: number; value: CategoryCount[] }>();
const RECENT_MAX = 500;

/** Forgets the counts of recent searches (the benchmark measures them cold). */
export function forgetRecentCategoryCounts(): void {
  recent.clear();
}

/**
 * Per category, the listings matching `where` (terms on "Agent" a, from
 * search-catalog.ts): the counts beside the category chips follow the
 * search and the other filters. Unfiltered, the cached totals serve.
 */
export async function countCategories(where: Prisma.Sql[], filtered: boolean): Promise<CategoryCount[]> {
  if (!filtered) return catalogCategories();
  const sql = Prisma.sql`
    SELECT c AS slug, count(*)::int AS count FROM "Agent" a, unnest(a.categories) c
    WHERE ${Prisma.join(where, " AND ")} GROUP BY c`;
  const key = JSON.stringify([sql.sql, sql.values]);
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = withLabels(await db.$queryRaw<{ slug: string; count: number }[]>(sql));
  recent.delete(key);
  recent.set(key, { at: Date.now(), value });
  // A Map iterates in insertion order: the first key is the least recently counted.
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
  return value;
}
