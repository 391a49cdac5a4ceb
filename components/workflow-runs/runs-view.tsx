"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SearchX, Workflow } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { PagedList } from "@/components/paged-list";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { useNow } from "@/components/tasks/use-now";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { isActiveRun } from "./run-format";
import { RunsFilters, type RunFilterValues } from "./runs-filters";
import { RunsTable } from "./runs-table";
import { useOrgEvents, useThrottled } from "./use-org-events";

const PAGE_SIZE = 25;
/** Run events refetch the page at most this often. */
const REFETCH_THROTTLE_MS = 2_000;

/** Keeps the filters in the address, so a workflow's "Runs" link and a reload show the same list. */
function writeFiltersToUrl(filters: RunFilterValues) {
  const params = new URLSearchParams();
  if (filters.workflowId) params.set("workflow", filters.workflowId);
  if (filters.state) params.set("state", filters.state);
  const query = params.toString();
  window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
}

/**
 * The org's workflow runs, newest first, a page at a time, filtered by
 * workflow and state. Run events refetch the page (throttled), so states,
 * costs and new runs show without a reload.
 */
export function RunsView({ initial }: { initial: RunFilterValues }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const pages = useCursorPages();
  const [filters, setFilters] = useState<RunFilterValues>(initial);
  const workflows = useQuery(trpc.workflows.list.queryOptions({ orgId: org.id, limit: 100 }));
  const query = useQuery({
    ...trpc.workflows.runs.list.queryOptions({
      orgId: org.id,
      workflowId: filters.workflowId,
      state: filters.state,
      cursor: pages.cursor,
      limit: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const refetchSoon = useThrottled(() => void query.refetch(), REFETCH_THROTTLE_MS);
  // onOpen: whatever started between the first read and the stream coming up.
  useOrgEvents({ orgId: org.id, types: "workflow_run.", onEvent: refetchSoon, onOpen: refetchSoon });
  const anyActive = Boolean(query.data?.items.some((r) => isActiveRun(r.state)));
  const now = useNow(anyActive);
  const filtered = Boolean(filters.workflowId || filters.state);
  const change = (next: RunFilterValues) => {
    setFilters(next);
    writeFiltersToUrl(next);
    pages.reset();
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title="Workflow runs"
        description={`Every run of ${org.name}'s workflows: where it stands, what started it and what it cost.`}
        actions={
          <Button asChild variant="outline">
            <Link href="/workflows">Workflows</Link>
          </Button>
        }
      />
      <RunsFilters
        value={filters}
        workflows={(workflows.data?.items ?? []).map((w) => ({ id: w.id, name: w.name }))}
        onChange={change}
      />
      <PagedList
        query={query}
        pages={pages}
        rowHeight="h-14"
        empty={
          filtered ? (
            <EmptyState
              icon={<SearchX />}
              title="No runs match these filters"
              description="Clear a filter to see more."
              action={
                <Button variant="outline" onClick={() => change({ workflowId: null, state: null })}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Workflow />}
              title="No workflow runs yet"
              description="Publish a workflow and run it; each run shows here, live."
              action={
                <Button asChild>
                  <Link href="/workflows">Open workflows</Link>
                </Button>
              }
            />
          )
        }
      >
        {(items) => <RunsTable rows={items} now={now} />}
      </PagedList>
    </div>
  );
}
