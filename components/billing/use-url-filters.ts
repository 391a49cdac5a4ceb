"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Filters kept in the query string, so a filtered list can be shared and
 * Back restores it: `values` reads them, `set` replaces them (one history
 * entry per change, no scroll jump). Empty values are left out of the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>;
  const set = useCallback(
    (next: Partial<Record<K, string>>) => {
      const url = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(next) as [K, string | undefined][]) {
        if (v) url.set(k, v);
        else url.delete(k);
      }
      const query = url.toString();
      router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return { values, set, query: params.toString() };
}
