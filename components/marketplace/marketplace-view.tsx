import { SearchX, TriangleAlert } from "lucide-react";
import { HireButton } from "@/components/company/hire-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AgentTile, type TileListing } from "./agent-tile";
import { CatalogFilters } from "./catalog-filters";
import { CatalogNavigationProvider, CatalogPending } from "./catalog-navigation";
import { CatalogPager } from "./catalog-pager";
import type { CatalogState } from "./catalog-params";
import { CatalogToolbar } from "./catalog-toolbar";
import { CategoryChips, type CategoryChip } from "./category-chips";
import { DescribeNeedForm } from "./describe-need-form";
import { MarketplaceTabs } from "./marketplace-tabs";
import { NeedMatches, type NeedMatchView } from "./need-matches";

export interface MarketplaceData {
  state: CatalogState;
  /** The browse tab's page; null while the describe tab is open. */
  results: { items: (TileListing & { id: string })[]; nextCursor: string | null; categories: CategoryChip[] } | null;
  /** A sentence when the URL's page could not be shown as asked (e.g. an outdated page link). */
  notice: string | null;
  need: { matches: NeedMatchView[] | null; error?: string };
  /** A member who may hire agents into the org's departments: each card gets a Hire button. */
  canHire?: boolean;
}

/** The marketplace, rendered on the server from its URL; the controls push new URLs. */
export function MarketplaceView({ state, results, notice, need, canHire = false }: MarketplaceData) {
  const { values, errors, after } = state;
  const filtered = Object.keys(errors).length > 0;
  const browse = results ? (
    <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
      <aside className="hidden lg:block">
        <Card className="p-4">
          <CatalogFilters errors={errors} />
        </Card>
      </aside>
      <div className="min-w-0 space-y-4">
        <CatalogToolbar errors={errors} />
        <CategoryChips categories={results.categories} />
        {errors.category ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {errors.category}
          </p>
        ) : null}
        {notice ? (
          <Alert variant="warning" icon={<TriangleAlert />}>
            <AlertDescription>{notice}</AlertDescription>
          </Alert>
        ) : null}
        <CatalogPending className="space-y-4" data-testid="catalog-results">
          {results.items.length === 0 ? (
            <EmptyState
              icon={<SearchX />}
              title="No agents match"
              description={
                values.q
                  ? `Nothing matches "${values.q}" with these filters. ` +
                    "Try fewer words, or describe what you need instead."
                  : filtered
                    ? "Fix the highlighted filter, or clear the filters."
                    : "No published agents match these filters yet."
              }
            />
          ) : (
            <div className="grid gap-4 sm:grid-cols-2">
              {results.items.map((listing) => (
                <AgentTile
                  key={listing.id}
                  listing={listing}
                  footer={
                    canHire ? (
                      // Above the card's link overlay, so the button gets the click.
                      <div className="relative z-10 flex justify-end">
                        <HireButton
                          agent={{
                            slug: listing.slug,
                            name: listing.name,
                            priceCredits: listing.pricePerTask,
                            iconUrl: listing.iconUrl,
                          }}
                        />
                      </div>
                    ) : undefined
                  }
                />
              ))}
            </div>
          )}
          <CatalogPager after={after} nextCursor={results.nextCursor} />
        </CatalogPending>
      </div>
    </div>
  ) : null;
  const describe =
    values.tab === "describe" ? (
      <div className="space-y-6">
        <DescribeNeedForm error={need.error} />
        <CatalogPending>
          <NeedMatches need={values.need} matches={need.matches} />
        </CatalogPending>
      </div>
    ) : null;
  return (
    <CatalogNavigationProvider values={values}>
      <div className="space-y-6">
        <PageHeader
          title="Marketplace"
          description={
            "Hire AI agents by the task. " +
            "Every agent speaks A2A and is called through Bureau's gateway with your organization's credits."
          }
        />
        <MarketplaceTabs browse={browse} describe={describe} />
      </div>
    </CatalogNavigationProvider>
  );
}
