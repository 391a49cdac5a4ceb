"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Filters kept in the query string, so a filtered list can be shared and
 * Back restores it: `values` reads them, `set` changes them with one history
 * entry per change. It uses the native history API, which Next.js syncs
 * with useSearchParams: the address bar changes at once, so two changes in a
 * row (From, then To) both land, and no server round trip is made. Empty
 * values are left out of the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const params = useSearchParams();
  const pathname = usePathname();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>;
  const set = useCallback(
    (next: Partial<Record<K, string>>) => {
      const url = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(next) as [K, string | undefined][]) {
        if (v) url.set(k, v);
        else url.delete(k);
      }
      const query = url.toString();
      if (query === window.location.search.replace(/^\?/, "")) return;
      window.history.pushState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return { values, set, query: params.toString() };
}
