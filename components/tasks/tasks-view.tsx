"use client";

import { PagedList } from "@/components/paged-list";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListChecks, SearchX } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useDebounced } from "@/components/marketplace/use-debounced";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TaskFilters, type TaskFilterValues } from "./task-filters";
import { TasksTable } from "./tasks-table";
import { useCursorPages } from "./use-cursor-pages";

const PAGE_SIZE = 20;

export function TasksView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const pages = useCursorPages();
  const [filters, setFilters] = useState<TaskFilterValues>({ state: null, agentSlug: null, search: "" });
  const search = useDebounced(filters.search.trim(), 300);
  const agents = useQuery(trpc.tasks.agents.queryOptions({ orgId: org.id }));
  const query = useQuery({
    ...trpc.tasks.list.queryOptions({
      orgId: org.id,
      state: filters.state,
      agentSlug: filters.agentSlug,
      search: search || null,
      cursor: pages.cursor,
      limit: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(filters.state || filters.agentSlug || search);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Runs"
        description={`Every task ${org.name} ran, from the browser or through the API.`}
        actions={
          <Button asChild variant="outline">
            <Link href="/marketplace">Find an agent</Link>
          </Button>
        }
      />
      <TaskFilters
        value={filters}
        agents={agents.data ?? []}
        onChange={(next) => {
          setFilters(next);
          pages.reset();
        }}
      />
      <PagedList
        query={query}
        pages={pages}
        rowHeight="h-12"
        empty={
          filtered ? (
            <EmptyState
              icon={<SearchX />}
              title="No runs match these filters"
              description="Clear a filter to see more."
              action={
                <Button
                  variant="outline"
                  onClick={() => {
                    setFilters({ state: null, agentSlug: null, search: "" });
                    pages.reset();
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<ListChecks />}
              title="No runs yet"
              description="Pick an agent in the marketplace and run your first task."
              action={
                <Button asChild>
                  <Link href="/marketplace">Browse the marketplace</Link>
                </Button>
              }
            />
          )
        }
      >
        {(items) => <TasksTable rows={items} />}
      </PagedList>
    </div>
  );
}
