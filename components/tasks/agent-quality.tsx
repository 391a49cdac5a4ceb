"use client";

import { useQuery } from "@tanstack/react-query";
import { Clock, Coins, Gauge, Star } from "lucide-react";
import type { ReactNode } from "react";
import { formatCredits } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration } from "./task-format";

function Metric({ icon, label, value, hint }: { icon: ReactNode; label: string; value: string; hint?: string }) {
  return (
    <div className="grid gap-0.5 py-2">
      <dt className="flex items-center gap-1.5 text-xs text-muted-foreground [&_svg]:size-3.5">
        {icon}
        {label}
      </dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

/** Quality measured from every buyer's finished tasks (not the seller's claims). */
export function AgentQuality({ slug }: { slug: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.quality.agent.queryOptions({ slug }));
  return (
    <Card data-testid="agent-quality">
      <CardHeader>
        <CardTitle>Measured quality</CardTitle>
        <CardDescription>From finished tasks on Bureau, all buyers.</CardDescription>
      </CardHeader>
      <CardContent>
        <QueryState
          isPending={query.isPending}
          error={query.error}
          onRetry={() => void query.refetch()}
          skeleton={<Skeleton className="h-32" />}
        >
          {() => {
            const q = query.data!;
            if (q.taskCount === 0)
              return (
                <p className="text-sm text-muted-foreground">
                  No finished tasks yet. Numbers appear after the first runs.
                </p>
              );
            return (
              <dl className="grid grid-cols-2 gap-x-4">
                <Metric
                  icon={<Gauge />}
                  label="Success rate"
                  value={q.successRate === null ? "—" : `${Math.round(q.successRate * 100)}%`}
                  hint={`${q.completedCount} of ${q.completedCount + q.failedCount} tasks`}
                />
                <Metric
                  icon={<Star />}
                  label="Rating"
                  value={q.ratingAvg === null ? "—" : q.ratingAvg.toFixed(1)}
                  hint={`${q.ratingCount} review${q.ratingCount === 1 ? "" : "s"}`}
                />
                <Metric
                  icon={<Clock />}
                  label="Median time"
                  value={q.p50DurationMs === null ? "—" : formatDuration(q.p50DurationMs)}
                  hint={q.p95DurationMs === null ? undefined : `95% within ${formatDuration(q.p95DurationMs)}`}
                />
                <Metric
                  icon={<Coins />}
                  label="Average cost"
                  value={q.avgCost === null ? "—" : `${formatCredits(Math.round(q.avgCost))} cr`}
                  hint={`${q.taskCount} finished task${q.taskCount === 1 ? "" : "s"}`}
                />
              </dl>
            );
          }}
        </QueryState>
      </CardContent>
    </Card>
  );
}
