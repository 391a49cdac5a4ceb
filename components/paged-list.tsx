"use client";

import type { ReactNode } from "react";
import { QueryState } from "@/components/query-state";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";

interface PageQuery<T> {
  isPending: boolean;
  isFetching: boolean;
  error: { message: string } | null;
  data?: { items: T[]; nextCursor: string | null };
  refetch: () => unknown;
}

interface CursorPages {
  page: number;
  hasPrevious: boolean;
  previous: () => void;
  next: (cursor: string) => void;
}

/**
 * A cursor-paginated list page's body: skeleton rows while loading, the
 * error panel with a retry, `empty` when the first page has nothing, else
 * the rows in a card with previous/next (runs, statement, audit log).
 */
export function PagedList<T>(props: {
  query: PageQuery<T>;
  pages: CursorPages;
  empty: ReactNode;
  /** Tailwind height of one skeleton row, e.g. "h-12". */
  rowHeight?: string;
  className?: string;
  children: (items: T[]) => ReactNode;
}) {
  const { query, pages } = props;
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={
        <div className="space-y-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className={props.rowHeight ?? "h-12"} />
          ))}
        </div>
      }
    >
      {() => {
        const data = query.data!;
        if (data.items.length === 0 && !pages.hasPrevious) return props.empty;
        return (
          <Card className={cn("min-w-0", props.className)}>
            <CardContent className="pt-4">
              {props.children(data.items)}
              <Pagination
                className="mt-2"
                label={`Page ${pages.page}`}
                loading={query.isFetching}
                hasPrevious={pages.hasPrevious}
                hasNext={data.nextCursor !== null}
                onPrevious={pages.previous}
                onNext={() => {
                  if (data.nextCursor) pages.next(data.nextCursor);
                }}
              />
            </CardContent>
          </Card>
        );
      }}
    </QueryState>
  );
}
