"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime, formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Skeleton } from "@/components/ui/skeleton";
import { RunStateBadge } from "@/components/workflow-runs/run-state-badge";

/**
 * A workflow's newest run: its state and when. The list's rows carry no run,
 * so each row asks for its own newest one (batched into one request by the
 * tRPC link, cached per workflow).
 */
export function LastRunCell({ workflowId, now }: { workflowId: string; now: number }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.workflows.runs.list.queryOptions({ orgId: org.id, workflowId, limit: 1 }),
    staleTime: 30_000,
  });
  if (query.isPending) return <Skeleton className="h-5 w-24" />;
  const run = query.data?.items[0];
  if (!run) return <span className="text-muted-foreground">Never run</span>;
  const at = run.startedAt ?? run.createdAt;
  return (
    <Link
      href={`/workflows/runs/${run.id}`}
      className="relative z-10 inline-flex items-center gap-2 rounded-md hover:underline"
      data-testid="last-run"
    >
      <RunStateBadge state={run.state} />
      <time dateTime={at.toISOString()} title={formatDateTime(at)} className="text-xs text-muted-foreground">
        {formatRelative(at, now)}
      </time>
    </Link>
  );
}
