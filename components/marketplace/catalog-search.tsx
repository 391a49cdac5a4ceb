"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search, SearchX } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { AgentTile } from "./agent-tile";
import { CatalogFilters, EMPTY_FILTERS, toInt, type CatalogFilterState } from "./catalog-filters";
import { useDebounced } from "./use-debounced";

const PAGE_SIZE = 12;
type Sort = "relevance" | "rating" | "popularity" | "price_asc" | "price_desc";
const SORTS: { value: Sort; label: string }[] = [
  { value: "relevance", label: "Best match" },
  { value: "popularity", label: "Most popular" },
  { value: "rating", label: "Highest rated" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
];

const tileSkeleton = (
  <div className="grid gap-4 sm:grid-cols-2">
    {Array.from({ length: 6 }, (_, i) => (
      <Skeleton key={i} className="h-52" />
    ))}
  </div>
);

export function CatalogSearch() {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [category, setCategory] = useState<string | null>(null);
  const [sort, setSort] = useState<Sort>("relevance");
  const [filters, setFilters] = useState<CatalogFilterState>(EMPTY_FILTERS);
  const q = useDebounced(text.trim());
  const input = {
    q: q || undefined,
    category: category ?? undefined,
    sort: sort === "relevance" && !q ? undefined : sort,
    minPrice: toInt(filters.minPrice),
    maxPrice: toInt(filters.maxPrice),
    minRating: filters.minRating ? Number(filters.minRating) : undefined,
    capability: filters.capability.trim() || undefined,
    inputMode: filters.inputMode || undefined,
    outputMode: filters.outputMode || undefined,
    streaming: filters.streaming || undefined,
    pushNotifications: filters.pushNotifications || undefined,
    limit: PAGE_SIZE,
  };
  // Any change of query or filters starts again from the first page.
  const key = JSON.stringify(input);
  const [pages, setPages] = useState<{ key: string; stack: (string | undefined)[] }>({ key, stack: [undefined] });
  const stack = pages.key === key ? pages.stack : [undefined];
  const results = useQuery({
    ...trpc.agents.search.queryOptions({ ...input, cursor: stack[stack.length - 1] }),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery(trpc.agents.categories.queryOptions());

  return (
    <div className="grid gap-6 lg:grid-cols-[15rem_1fr]">
      <aside className="space-y-4">
        <Card className="p-4">
          <CatalogFilters value={filters} onChange={setFilters} />
        </Card>
        {JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS) ? (
          <Button variant="ghost" size="sm" onClick={() => setFilters(EMPTY_FILTERS)}>
            Clear filters
          </Button>
        ) : null}
      </aside>
      <div className="min-w-0 space-y-4">
        <div className="flex flex-col gap-2 sm:flex-row">
          <div className="relative flex-1">
            <Search
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
              aria-hidden
            />
            <Input
              type="search"
              aria-label="Search agents"
              placeholder="Search agents, skills, tags…"
              className="pl-9"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <NativeSelect
            aria-label="Sort by"
            containerClassName="sm:w-52"
            value={sort === "relevance" && !q ? "popularity" : sort}
            onChange={(e) => setSort(SORTS.find((o) => o.value === e.target.value)?.value ?? "popularity")}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value} disabled={s.value === "relevance" && !q}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex flex-wrap gap-1.5" role="group" aria-label="Categories">
          {[
            { slug: null, label: "All", count: null },
            ...(categories.data ?? []).filter((c) => c.count > 0 || c.slug === category),
          ].map((c) => (
            <button
              key={c.slug ?? "all"}
              type="button"
              aria-pressed={category === c.slug}
              onClick={() => setCategory(c.slug)}
              className={cn(
                "rounded-full border border-border px-3 py-1 text-sm transition-colors hover:bg-accent",
                category === c.slug && "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
              )}
            >
              {c.label}
              {c.count !== null ? <span className="ml-1 opacity-70">{c.count}</span> : null}
            </button>
          ))}
        </div>
        <QueryState
          isPending={results.isPending}
          error={results.error}
          onRetry={() => void results.refetch()}
          skeleton={tileSkeleton}
        >
          {() =>
            results.data!.items.length === 0 ? (
              <EmptyState
                icon={<SearchX />}
                title="No agents match"
                description={
                  q
                    ? `Nothing matches "${q}" with these filters. Try fewer words, or describe what you need instead.`
                    : "No published agents match these filters yet."
                }
              />
            ) : (
              <>
                <div className={cn("grid gap-4 sm:grid-cols-2", results.isPlaceholderData && "opacity-60")}>
                  {results.data!.items.map((listing) => (
                    <AgentTile key={listing.id} listing={listing} />
                  ))}
                </div>
                <Pagination
                  label={`Page ${stack.length}`}
                  hasPrevious={stack.length > 1}
                  hasNext={Boolean(results.data!.nextCursor)}
                  loading={results.isFetching}
                  onPrevious={() => setPages({ key, stack: stack.slice(0, -1) })}
                  onNext={() => setPages({ key, stack: [...stack, results.data!.nextCursor ?? undefined] })}
                />
              </>
            )
          }
        </QueryState>
      </div>
    </div>
  );
}
