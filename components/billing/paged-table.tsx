"use client";

import type { ReactNode } from "react";
import { QueryState } from "@/components/query-state";
import type { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { Table, TableBody, TableHeader } from "@/components/ui/table";
import { CursorPager } from "./cursor-pager";

interface PageQuery<T> {
  isPending: boolean;
  isFetching: boolean;
  error: { message: string } | null;
  data?: { items: T[]; nextCursor: string | null };
  refetch: () => unknown;
}

/** A cursor-paginated table with its loading, error and empty states (purchases, payouts, grants). */
export function PagedTable<T>(props: {
  query: PageQuery<T>;
  pages: ReturnType<typeof useCursorPages>;
  empty: ReactNode;
  /** The header row. */
  head: ReactNode;
  row: (item: T) => ReactNode;
}) {
  const { query, pages } = props;
  return (
    <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
      {() =>
        !query.data?.items.length ? (
          props.empty
        ) : (
          <>
            <Table>
              <TableHeader>{props.head}</TableHeader>
              <TableBody>{query.data.items.map(props.row)}</TableBody>
            </Table>
            <CursorPager
              page={pages.page}
              hasPrevious={pages.hasPrevious}
              nextCursor={query.data.nextCursor}
              loading={query.isFetching}
              onPrevious={pages.previous}
              onNext={pages.next}
            />
          </>
        )
      }
    </QueryState>
  );
}
