import { Clock, Coins, Gauge, Star } from "lucide-react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { formatCredits, plural } from "@/components/format";
import { formatDuration } from "@/components/tasks/task-format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ZGetAgentQualityResponseSchema } from "@/server/trpc/routers/quality/get-agent-quality.types";

/** An agent's measured quality, as the quality procedure and the agent page serve it. */
export type QualityView = z.infer<typeof ZGetAgentQualityResponseSchema>;

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

/**
 * Quality measured from every buyer's finished tasks (not the seller's
 * claims), rendered with the page. `taskCount` is the one task count of the
 * agent page: the header shows the same number.
 */
export function AgentQualityCard({ quality: q }: { quality: QualityView }) {
  const judged = q.completedCount + q.failedCount;
  return (
    <Card data-testid="agent-quality">
      <CardHeader>
        <CardTitle>Measured quality</CardTitle>
        <CardDescription>
          {q.taskCount === 0
            ? "From finished tasks on Bureau, all buyers."
            : `From ${plural(q.taskCount, { one: "finished task", other: "finished tasks" })} on Bureau, all buyers.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {q.taskCount === 0 ? (
          <p className="text-sm text-muted-foreground">No finished tasks yet. Numbers appear after the first runs.</p>
        ) : (
          <dl className="grid grid-cols-2 gap-x-4">
            <Metric
              icon={<Gauge />}
              label="Success rate"
              value={q.successRate === null ? "—" : `${Math.round(q.successRate * 100)}%`}
              hint={
                `${formatCredits(q.completedCount)} of ${formatCredits(judged)} completed` +
                (q.canceledCount ? `; ${formatCredits(q.canceledCount)} canceled by buyers` : "")
              }
            />
            <Metric
              icon={<Star />}
              label="Rating"
              value={q.ratingAvg === null ? "—" : q.ratingAvg.toFixed(1)}
              hint={plural(q.ratingCount, { one: "review", other: "reviews" })}
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
              hint="per completed task"
            />
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
