import { useState } from "react";

/**
 * Previous/next over a cursor-paginated list: a stack of the cursors that
 * opened each page seen so far (null opens the first).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors.at(-1) ?? null,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (cursor: string) => setCursors((stack) => [...stack, cursor]),
    previous: () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    reset: () => setCursors([null]),
  };
}
