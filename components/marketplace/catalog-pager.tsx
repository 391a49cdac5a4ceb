"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CatalogLink, useCatalogNavigation } from "./catalog-navigation";
import { catalogHref } from "./catalog-params";

/** Previous / next as links: each page has its own URL (the cursors walked so far), so Back walks pages too. */
export function CatalogPager({ after, nextCursor }: { after: string[]; nextCursor: string | null }) {
  const { values } = useCatalogNavigation();
  if (after.length === 0 && !nextCursor) return null;
  const link = (enabled: boolean, href: string, children: ReactNode, rel: string) =>
    enabled ? (
      <CatalogLink href={href} rel={rel} className={buttonVariants({ variant: "outline", size: "sm" })}>
        {children}
      </CatalogLink>
    ) : (
      <span aria-disabled="true" className={cn(buttonVariants({ variant: "outline", size: "sm" }), "opacity-50")}>
        {children}
      </span>
    );
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 py-2">
      <p className="text-sm text-muted-foreground">Page {after.length + 1}</p>
      <div className="flex items-center gap-2">
        {link(
          after.length > 0,
          catalogHref(values, {}, after.slice(0, -1)),
          <>
            <ChevronLeft aria-hidden="true" />
            Previous
          </>,
          "prev",
        )}
        {link(
          Boolean(nextCursor),
          catalogHref(values, {}, [...after, nextCursor ?? ""]),
          <>
            Next
            <ChevronRight aria-hidden="true" />
          </>,
          "next",
        )}
      </div>
    </nav>
  );
}
