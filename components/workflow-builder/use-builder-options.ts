"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { useListingNames } from "@/components/workflow-runs/use-listing-names";
import type { ListingOption, MemberOption, WorkflowOption } from "@/components/workflows/lib/types";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";

/** The catalog's first page by price is the agent picker; the demo catalog and most orgs' choices fit in it. */
const LISTING_LIMIT = 50;

/**
 * What the inspector's pickers offer: the published agents (plus any the
 * graph already names, so a step keeps its name), the org's other workflows
 * for sub-workflow steps, and its members for named approvers.
 */
export function useBuilderOptions(workflowId: string, graph: WorkflowGraph) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const catalog = useQuery({
    ...trpc.agents.search.queryOptions({ sort: "price_asc", limit: LISTING_LIMIT }),
    staleTime: 5 * 60_000,
  });
  const named = useListingNames(graph);
  const workflowsQuery = useQuery({
    ...trpc.workflows.list.queryOptions({ orgId: org.id, limit: 100 }),
    staleTime: 60_000,
  });
  const membersQuery = useQuery({ ...trpc.orgs.members.queryOptions({ orgId: org.id }), staleTime: 5 * 60_000 });

  const listings = useMemo<ListingOption[]>(() => {
    const bySlug = new Map<string, ListingOption>();
    for (const l of catalog.data?.items ?? [])
      bySlug.set(l.slug, { slug: l.slug, name: l.name, priceCredits: l.pricePerTask });
    for (const l of named) if (!bySlug.has(l.slug)) bySlug.set(l.slug, l);
    return [...bySlug.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [catalog.data, named]);
  const workflows = useMemo<WorkflowOption[]>(
    () =>
      (workflowsQuery.data?.items ?? []).filter((w) => w.id !== workflowId).map((w) => ({ id: w.id, name: w.name })),
    [workflowsQuery.data, workflowId],
  );
  const members = useMemo<MemberOption[]>(
    () => (membersQuery.data?.members ?? []).map((m) => ({ id: m.userId, name: m.name || m.email })),
    [membersQuery.data],
  );
  return { listings, workflows, members };
}
