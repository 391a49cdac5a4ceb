"use client";

import { useQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Builder } from "./builder";
import { BuilderSkeleton } from "./builder-skeleton";

/**
 * Loads the workflow and its draft's check, then the builder. A reload
 * (after a conflict or a rollback) refetches both and remounts the builder
 * on the newest draft, dropping the editor's undo history with the old one.
 */
export function BuilderView({ workflowId }: { workflowId: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const [generation, setGeneration] = useState(0);
  const input = { orgId: org.id, workflowId };
  const workflow = useQuery({
    ...trpc.workflows.get.queryOptions(input),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const check = useQuery({
    ...trpc.workflows.check.queryOptions(input),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  if (workflow.error?.data?.code === "NOT_FOUND") {
    return (
      <EmptyState
        icon={<SearchX />}
        title="Workflow not found"
        description={`No workflow with this address belongs to ${org.name}. It may belong to another organization.`}
        action={
          <Button asChild variant="outline">
            <Link href="/workflows">All workflows</Link>
          </Button>
        }
      />
    );
  }
  const reload = async () => {
    await Promise.all([workflow.refetch(), check.refetch()]);
    setGeneration((g) => g + 1);
  };
  return (
    <QueryState
      isPending={workflow.isPending || check.isPending}
      error={workflow.error}
      onRetry={() => void workflow.refetch()}
      skeleton={<BuilderSkeleton />}
    >
      {() => (
        <Builder
          key={`${workflow.data!.id}:${generation}`}
          workflow={workflow.data!}
          initialCheck={check.data ?? null}
          onReload={() => void reload()}
        />
      )}
    </QueryState>
  );
}
