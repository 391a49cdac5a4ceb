"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";

export type PaginationProps = Omit<ComponentProps<"nav">, "children"> & {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Status text such as "Page 2" or "Showing 21–40". */
  label?: ReactNode;
  /** Disable both buttons (e.g. while a page is loading). */
  loading?: boolean;
};

export function Pagination({
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  label,
  loading = false,
  className,
  "aria-label": ariaLabel = "Pagination",
  ...props
}: PaginationProps) {
  return (
    <nav aria-label={ariaLabel} className={cn("flex items-center justify-between gap-3 py-2", className)} {...props}>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {label}
      </p>
      <div className="flex items-center gap-2">
        <Button type="button" variant="outline" size="sm" onClick={onPrevious} disabled={!hasPrevious || loading}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </Button>
        <Button type="button" variant="outline" size="sm" onClick={onNext} disabled={!hasNext || loading}>
          Next
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
