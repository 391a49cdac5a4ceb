import { CATEGORY_SLUGS } from "@/server/schemas/categories";
import {
  CATALOG_SORTS,
  ZCatalogQuerySchema,
  type CatalogQuery,
  type CatalogSort,
} from "@/server/schemas/catalog-query";

/**
 * The marketplace's state lives in its URL, with the public API's parameter
 * names (/api/v1/agents): a search can be shared, bookmarked and walked back
 * with Back. This module reads and writes that URL on the server (the page
 * renders from it) and in the browser (controls push new URLs).
 */

export const FILTER_KEYS = [
  "minPrice",
  "maxPrice",
  "minRating",
  "capability",
  "inputMode",
  "outputMode",
  "streaming",
  "pushNotifications",
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const PARAM_KEYS = ["q", "category", "sort", ...FILTER_KEYS, "tab", "need"] as const;
export type ParamKey = (typeof PARAM_KEYS)[number];

/** The URL's values as typed (strings; booleans are "true"), every key present. */
export type CatalogValues = Record<ParamKey, string>;

export interface CatalogState {
  values: CatalogValues;
  /** Cursors of the pages walked so far: the last one is the page shown. */
  after: string[];
  /** The valid part of the URL, as the search service takes it. */
  query: CatalogQuery;
  /** A sentence per field whose value was not used, shown beside that field. */
  errors: Partial<Record<ParamKey, string>>;
}

export const MAX_PRICE = 1_000_000;
/** Said of the pair, not of one field: shown once under both price fields. */
export const PRICE_ORDER_MESSAGE = "The minimum price is above the maximum price.";
const MAX_PAGES = 20;
export const PAGE_SIZE = 12;

type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: SearchParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function price(raw: string): { value?: number; error?: string } {
  if (!/^\d+$/.test(raw)) return { error: "Enter a whole number of credits, like 50." };
  const value = Number(raw);
  return value > MAX_PRICE ? { error: `Prices go up to ${MAX_PRICE.toLocaleString("en-US")} credits.` } : { value };
}

/** Reads the marketplace URL: what to search for, and a message for each value that cannot be used. */
export function parseCatalogParams(params: SearchParams): CatalogState {
  const values = Object.fromEntries(PARAM_KEYS.map((k) => [k, (all(params, k)[0] ?? "").trim()])) as CatalogValues;
  const after = all(params, "after")
    .filter((c) => c.length > 0)
    .slice(0, MAX_PAGES);
  const errors: CatalogState["errors"] = {};
  const query: CatalogQuery = { limit: PAGE_SIZE };

  if (values.q) query.q = values.q;
  if (values.category) {
    if ((CATEGORY_SLUGS as readonly string[]).includes(values.category)) query.category = values.category;
    else errors.category = "There is no such category; showing every category.";
  }
  if (values.sort) {
    if ((CATALOG_SORTS as readonly string[]).includes(values.sort)) query.sort = values.sort as CatalogSort;
    else errors.sort = "Choose a sort order from the list.";
  }
  // Best match needs something to match: without a query the default order (most popular) applies.
  if (query.sort === "relevance" && !query.q) delete query.sort;
  const min = values.minPrice ? price(values.minPrice) : {};
  const max = values.maxPrice ? price(values.maxPrice) : {};
  if (min.error) errors.minPrice = min.error;
  if (max.error) errors.maxPrice = max.error;
  if (min.value !== undefined && max.value !== undefined && min.value > max.value) {
    errors.minPrice = PRICE_ORDER_MESSAGE;
  } else {
    if (min.value !== undefined) query.minPrice = min.value;
    if (max.value !== undefined) query.maxPrice = max.value;
  }
  if (values.minRating) {
    const rating = Number(values.minRating);
    if (/^\d(\.\d+)?$/.test(values.minRating) && rating >= 0 && rating <= 5) query.minRating = rating;
    else errors.minRating = "Choose a rating from the list.";
  }
  for (const key of ["capability", "inputMode", "outputMode"] as const) if (values[key]) query[key] = values[key];
  for (const key of ["streaming", "pushNotifications"] as const) {
    if (!values[key]) continue;
    if (values[key] === "true" || values[key] === "false") query[key] = values[key] === "true";
    else errors[key] = "Tick or clear the box.";
  }
  if (after.length) query.cursor = after[after.length - 1];

  // The service's own schema has the last word (lengths, characters); its message goes to the field.
  const checked = ZCatalogQuerySchema.safeParse(query);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = issue.path[0] === "cursor" ? null : (issue.path[0] as ParamKey | undefined);
      if (key === null) after.length = 0;
      else if (key && PARAM_KEYS.includes(key)) errors[key] ??= issue.message;
      delete query[(key ?? "cursor") as keyof CatalogQuery];
    }
  }
  return { values, after, query, errors };
}

/**
 * The marketplace URL for `values` with `changes` applied. Any change other
 * than walking pages starts again from the first page.
 */
export function catalogHref(
  values: CatalogValues,
  changes: Partial<CatalogValues> = {},
  after: string[] = [],
  pathname = "/marketplace",
): string {
  const next = { ...values, ...changes };
  const url = new URLSearchParams();
  for (const key of PARAM_KEYS) if (next[key]) url.set(key, next[key]);
  for (const cursor of after) url.append("after", cursor);
  const query = url.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** How many filters (not the search, category or sort) are set: shown on the phone's Filters button. */
export const activeFilterCount = (values: CatalogValues): number => FILTER_KEYS.filter((k) => values[k]).length;
