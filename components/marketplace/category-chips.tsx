"use client";

import { formatCredits } from "@/components/format";
import { cn } from "@/components/ui/cn";
import { CatalogLink, useCatalogNavigation } from "./catalog-navigation";
import { catalogHref } from "./catalog-params";

export interface CategoryChip {
  slug: string;
  label: string;
  count: number;
}

/** Category links with how many listings match the current search and filters in each. */
export function CategoryChips({ categories }: { categories: CategoryChip[] }) {
  const { values } = useCatalogNavigation();
  const shown = categories.filter((c) => c.count > 0 || c.slug === values.category);
  const chip = (slug: string, label: string, count: number | null) => {
    const active = (values.category || null) === (slug || null);
    return (
      <CatalogLink
        key={slug || "all"}
        href={catalogHref(values, { category: slug })}
        aria-current={active ? "true" : undefined}
        className={cn(
          "rounded-full border border-border px-3 py-1 text-sm transition-colors hover:bg-accent",
          active && "border-primary bg-primary text-primary-foreground hover:bg-primary/90",
        )}
      >
        {label}
        {count !== null ? <span className="ml-1 tabular-nums opacity-70">{formatCredits(count)}</span> : null}
      </CatalogLink>
    );
  };
  return (
    <nav className="flex flex-wrap gap-1.5" aria-label="Categories">
      {chip("", "All", null)}
      {shown.map((c) => chip(c.slug, c.label, c.count))}
    </nav>
  );
}
