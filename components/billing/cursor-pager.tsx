"use client";

import { Pagination } from "@/components/ui/pagination";

/** Previous/next under a cursor-paginated table; hidden while everything fits on the first page. */
export function CursorPager(props: {
  page: number;
  hasPrevious: boolean;
  nextCursor: string | null;
  loading: boolean;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
}) {
  if (!props.hasPrevious && !props.nextCursor) return null;
  return (
    <Pagination
      className="mt-3"
      label={`Page ${props.page}`}
      hasPrevious={props.hasPrevious}
      hasNext={Boolean(props.nextCursor)}
      loading={props.loading}
      onPrevious={props.onPrevious}
      onNext={() => props.nextCursor && props.onNext(props.nextCursor)}
    />
  );
}
