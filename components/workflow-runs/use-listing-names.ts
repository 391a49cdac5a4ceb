"use client";

import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { ListingOption } from "@/components/workflows/lib/types";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";

/**
 * The listings a run's agent steps call, so the canvas says "Northwind Blog
 * Writer · 25 cr" rather than a slug. One cached catalog read per listing; a
 * listing no longer published keeps its slug.
 */
export function useListingNames(graph: WorkflowGraph): ListingOption[] {
  const trpc = useTRPC();
  const slugs = [
    ...new Set(
      graph.nodes.flatMap((n) =>
        n.type === "agent" && n.config.target.kind === "listing" ? [n.config.target.slug] : [],
      ),
    ),
  ].sort();
  const results = useQueries({
    queries: slugs.map((slug) => ({
      ...trpc.agents.get.queryOptions({ slug }),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const found = results.flatMap((r) =>
    r.data ? [{ slug: r.data.slug, name: r.data.name, priceCredits: r.data.pricePerTask }] : [],
  );
  // A new array only when a name or price changed, so the canvas does not redraw on every render.
  const key = JSON.stringify(found);
  return useMemo(() => JSON.parse(key) as ListingOption[], [key]);
}
