import { useState } from "react";

/**
 * Previous/next over a cursor-paginated list whose filters live elsewhere
 * (the URL): the cursor stack belongs to one filter key, and any other key
 * (new filters, Back to old ones) starts again from the first page.
 */
export function useKeyedCursorPages(key: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  const cursors = state.key === key ? state.cursors : [null];
  return {
    cursor: cursors.at(-1) ?? null,
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (cursor: string) => setState({ key, cursors: [...cursors, cursor] }),
    previous: () => setState({ key, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}
