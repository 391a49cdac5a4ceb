"use client";

import { History, Route } from "lucide-react";
import Link from "next/link";
import { formatCredits, formatDateTime, formatRelative } from "@/components/format";
import { QueryState } from "@/components/query-state";
import { TaskStateBadge } from "@/components/tasks/task-state-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { DepartmentTask } from "./company-types";

/** What the runs list reads of its infinite query (company.departmentTasks). */
interface RunsQuery {
  data?: { pages: { items: DepartmentTask[] }[] };
  isPending: boolean;
  error: { message: string } | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

function RunRow({ task }: { task: DepartmentTask }) {
  const who = [task.positionTitle, task.agentName].filter(Boolean).join(" · ");
  return (
    <li className="relative flex flex-wrap items-center gap-x-3 gap-y-1 py-3" data-testid="department-run">
      <div className="min-w-0 flex-1 basis-64">
        <div className="flex min-w-0 items-center gap-2">
          {task.kind === "MANAGER" ? (
            <Badge variant="secondary" title="A request to the department: its manager routed or planned it">
              <Route aria-hidden />
              Request
            </Badge>
          ) : null}
          <Link
            href={`/tasks/${task.id}`}
            className="truncate text-sm font-medium after:absolute after:inset-0 hover:underline"
          >
            {task.summary || "No text"}
          </Link>
        </div>
        <p className="truncate text-xs text-muted-foreground">
          {who || (task.kind === "MANAGER" ? "The department's manager" : "An agent")}
        </p>
      </div>
      <TaskStateBadge state={task.state} />
      <span className="w-20 text-right text-sm tabular-nums">{formatCredits(task.price)}</span>
      <time
        className="w-24 text-right text-xs whitespace-nowrap text-muted-foreground"
        dateTime={task.createdAt.toISOString()}
        title={formatDateTime(task.createdAt)}
      >
        {formatRelative(task.createdAt)}
      </time>
    </li>
  );
}

/** The department's tasks, newest first: its requests (the manager's) and each position's work. */
export function DepartmentRuns({ runs }: { runs: RunsQuery }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Runs</CardTitle>
        <CardDescription>Requests to this department and the tasks its staff ran, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        <QueryState
          isPending={runs.isPending}
          error={runs.error}
          onRetry={() => void runs.refetch()}
          skeleton={
            <div className="space-y-2">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} className="h-12" />
              ))}
            </div>
          }
        >
          {() => {
            const items = runs.data!.pages.flatMap((p) => p.items);
            if (items.length === 0) {
              return (
                <EmptyState
                  icon={<History />}
                  title="No runs yet"
                  description="Ask this department something, or run one of its agents, and the task shows here."
                />
              );
            }
            return (
              <>
                <ul className="divide-y divide-border" data-testid="department-runs">
                  {items.map((task) => (
                    <RunRow key={task.id} task={task} />
                  ))}
                </ul>
                {runs.hasNextPage ? (
                  <div className="flex justify-center pt-3">
                    <Button
                      variant="outline"
                      loading={runs.isFetchingNextPage}
                      onClick={() => void runs.fetchNextPage()}
                    >
                      Load more
                    </Button>
                  </div>
                ) : null}
              </>
            );
          }}
        </QueryState>
      </CardContent>
    </Card>
  );
}
