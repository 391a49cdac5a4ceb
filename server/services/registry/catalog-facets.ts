import { db } from "../../db";
import { CATEGORIES } from "./categories";

let cache: { at: number; value: { slug: string; label: string; count: number }[] } | null = null;
const TTL_MS = 60_000;

/**
 * Categories with how many published agents each holds. Counting a large
 * catalog on every page view is wasteful, and a minute-old count is fine.
 */
export async function catalogCategories(): Promise<{ slug: string; label: string; count: number }[]> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.value;
  const rows = await db.$queryRaw<{ slug: string; count: number }[]>`
    SELECT c AS slug, count(*)::int AS count FROM "Agent", unnest(categories) c
    WHERE status = 'PUBLISHED' GROUP BY c`;
  const counts = new Map(rows.map((r) => [r.slug, r.count]));
  const value = CATEGORIES.map((c) => ({ slug: c.slug, label: c.label, count: counts.get(c.slug) ?? 0 }));
  cache = { at: Date.now(), value };
  return value;
}
