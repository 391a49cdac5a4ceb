"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import Link from "next/link";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TaskRun } from "./task-run";

export function TaskDetailView({ taskId }: { taskId: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.tasks.get.queryOptions({ orgId: org.id, taskId }),
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
  });
  if (query.error?.data?.code === "NOT_FOUND") {
    return (
      <EmptyState
        icon={<SearchX />}
        title="Run not found"
        description={`No run with this address belongs to ${org.name}. It may belong to another organization.`}
        action={
          <Button asChild variant="outline">
            <Link href="/tasks">All runs</Link>
          </Button>
        }
      />
    );
  }
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={
        <div className="space-y-6">
          <Skeleton className="h-20" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
          <Skeleton className="h-64" />
        </div>
      }
    >
      {() => <TaskRun key={query.data!.id} task={query.data!} refetch={() => void query.refetch()} />}
    </QueryState>
  );
}
