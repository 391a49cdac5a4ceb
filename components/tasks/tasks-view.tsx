"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ListChecks, SearchX } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useDebounced } from "@/components/marketplace/use-debounced";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
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
        description={`Every task ${org.name} ran, from the browser, the API, MCP or a workflow.`}
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
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="space-y-2">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-12" />
            ))}
          </div>
        }
      >
        {() => {
          const data = query.data!;
          if (data.items.length === 0 && !pages.hasPrevious) {
            return filtered ? (
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
            );
          }
          return (
            <Card>
              <CardContent className="pt-4">
                <TasksTable rows={data.items} />
                <Pagination
                  className="mt-2"
                  label={`Page ${pages.page}`}
                  loading={query.isFetching}
                  hasPrevious={pages.hasPrevious}
                  hasNext={data.nextCursor !== null}
                  onPrevious={pages.previous}
                  onNext={() => {
                    if (data.nextCursor) pages.next(data.nextCursor);
                  }}
                />
              </CardContent>
            </Card>
          );
        }}
      </QueryState>
    </div>
  );
}
