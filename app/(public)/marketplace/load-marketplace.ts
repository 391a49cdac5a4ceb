import "server-only";
import type { CatalogState } from "@/components/marketplace/catalog-params";
import type { MarketplaceData } from "@/components/marketplace/marketplace-view";
import { isDomainError } from "@/server/errors";
import { describeNeed, ZDescribeNeedSchema } from "@/server/services/registry/describe-need";
import { searchCatalog } from "@/server/services/registry/search-catalog";

/** What the marketplace page shows for its URL, fetched on the server through the registry services. */
export async function loadMarketplace(state: CatalogState): Promise<MarketplaceData> {
  if (state.values.tab === "describe") {
    if (!state.values.need) return { state, results: null, notice: null, need: { matches: null } };
    const parsed = ZDescribeNeedSchema.safeParse({ need: state.values.need, limit: 9 });
    if (!parsed.success)
      return { state, results: null, notice: null, need: { matches: null, error: parsed.error.issues[0]?.message } };
    return { state, results: null, notice: null, need: { matches: (await describeNeed(parsed.data)).matches } };
  }
  let notice: string | null = null;
  const search = async () => {
    try {
      return await searchCatalog(state.query, { facets: true });
    } catch (error) {
      // A page link from an older search (another sort, a changed catalog): start from its first page.
      if (!isDomainError(error) || error.kind !== "invalid_input" || !state.query.cursor) throw error;
      notice = "That page link is out of date, so here is the first page of the same search.";
      state.after.length = 0;
      return searchCatalog({ ...state.query, cursor: undefined }, { facets: true });
    }
  };
  const page = await search();
  return {
    state,
    results: { items: page.items, nextCursor: page.nextCursor, categories: page.facets ?? [] },
    notice,
    need: { matches: null },
  };
}
