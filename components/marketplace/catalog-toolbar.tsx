"use client";

import { Search, SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from "@/components/ui/sheet";
import { CatalogFilters } from "./catalog-filters";
import { useCatalogNavigation } from "./catalog-navigation";
import { activeFilterCount, type CatalogState } from "./catalog-params";
import { useUrlText } from "./use-url-text";

const SORTS = [
  { value: "relevance", label: "Best match" },
  { value: "popularity", label: "Most popular" },
  { value: "rating", label: "Highest rated" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
];
/** Search as you type, once typing pauses this long. */
const TYPING_MS = 350;

/** Search box, sort order and, on a phone, the button that opens the filters in a sheet. */
export function CatalogToolbar({ errors }: { errors: CatalogState["errors"] }) {
  const { values, update, pending } = useCatalogNavigation();
  const search = useUrlText(values.q, (q) => update({ q }), TYPING_MS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const hasQuery = Boolean(values.q);
  const sort =
    values.sort && (hasQuery || values.sort !== "relevance") ? values.sort : hasQuery ? "relevance" : "popularity";
  const filters = activeFilterCount(values);
  return (
    <div className="space-y-2">
      <div className="flex flex-col gap-2 sm:flex-row">
        <form
          role="search"
          className="relative min-w-0 flex-1"
          onSubmit={(e) => {
            e.preventDefault();
            search.commit();
          }}
        >
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            type="search"
            name="q"
            aria-label="Search agents"
            aria-invalid={errors.q ? true : undefined}
            placeholder="Search agents, skills, tags…"
            className="pl-9"
            maxLength={200}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
          />
        </form>
        <div className="flex gap-2">
          <NativeSelect
            aria-label="Sort by"
            containerClassName="min-w-0 flex-1 sm:w-52 sm:flex-none"
            value={sort}
            onChange={(e) => update({ sort: e.target.value })}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value} disabled={s.value === "relevance" && !hasQuery}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
          <Sheet open={filtersOpen} onOpenChange={setFiltersOpen}>
            <SheetTrigger asChild>
              <Button variant="outline" className="lg:hidden">
                <SlidersHorizontal aria-hidden />
                Filters{filters ? ` (${filters})` : ""}
              </Button>
            </SheetTrigger>
            <SheetContent side="right" aria-describedby="catalog-filters-description">
              <SheetHeader>
                <SheetTitle>Filters</SheetTitle>
                <SheetDescription id="catalog-filters-description">Results update as you change them.</SheetDescription>
              </SheetHeader>
              <CatalogFilters errors={errors} />
              <SheetFooter>
                <Button onClick={() => setFiltersOpen(false)} loading={pending}>
                  Show results
                </Button>
              </SheetFooter>
            </SheetContent>
          </Sheet>
        </div>
      </div>
      {errors.q ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {errors.q}
        </p>
      ) : null}
      {errors.sort ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {errors.sort}
        </p>
      ) : null}
    </div>
  );
}
