import { Bot } from "lucide-react";
import Link from "next/link";
import { Meter } from "@/components/charts/meter";
import { formatCredits, plural } from "@/components/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Dashboard } from "./dashboard-types";

/** The agents this month's money went to, biggest first. */
export function TopAgentsCard({ agents }: { agents: Dashboard["topAgents"] }) {
  const top = agents[0]?.credits ?? 0;
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>Top agents this month</CardTitle>
        <CardDescription>By credits charged.</CardDescription>
      </CardHeader>
      <CardContent>
        {agents.length === 0 ? (
          <EmptyState
            icon={<Bot />}
            title="No charges this month"
            description="Agents you run appear here once their runs are charged."
          />
        ) : (
          <ol className="space-y-3" data-testid="top-agents">
            {agents.map((agent) => (
              <li key={agent.id} className="space-y-1.5">
                <div className="flex items-baseline justify-between gap-3 text-sm">
                  <Link href={`/agents/${agent.slug}`} className="min-w-0 truncate font-medium hover:underline">
                    {agent.name}
                  </Link>
                  <span className="shrink-0 text-muted-foreground tabular-nums">
                    {formatCredits(agent.credits)} · {plural(agent.runs, { one: "run", other: "runs" })}
                  </span>
                </div>
                <Meter value={agent.credits} max={top} label={`${agent.name}'s share of the top spend`} />
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
