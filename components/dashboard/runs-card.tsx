import { ListChecks } from "lucide-react";
import Link from "next/link";
import { formatCredits, formatRelative, plural } from "@/components/format";
import { TaskStateBadge } from "@/components/tasks/task-state-badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Dashboard, DashboardRun } from "./dashboard-types";

function RunsTable({ runs, testId }: { runs: DashboardRun[]; testId: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Agent</TableHead>
          <TableHead>State</TableHead>
          <TableHead className="text-right">Price</TableHead>
          <TableHead className="text-right">Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} className="relative" data-testid={testId}>
            <TableCell className="max-w-56 truncate">
              {/* The whole row opens the run; the link's overlay keeps it one tab stop. */}
              <Link href={`/tasks/${run.id}`} className="font-medium after:absolute after:inset-0 hover:underline">
                {run.agentName}
              </Link>
            </TableCell>
            <TableCell>
              <TaskStateBadge state={run.state} />
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">{formatCredits(run.price)}</TableCell>
            <TableCell className="text-right whitespace-nowrap text-muted-foreground">
              <time dateTime={run.createdAt.toISOString()}>{formatRelative(run.createdAt)}</time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Runs still going, then the latest runs whatever their state. */
export function RunsCard({ inFlight, recent }: { inFlight: Dashboard["runsInFlight"]; recent: DashboardRun[] }) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <div className="flex items-start justify-between gap-3">
          <div className="grid gap-1.5">
            <CardTitle>Runs</CardTitle>
            <CardDescription>
              {inFlight.count === 0
                ? "Nothing running right now."
                : `${plural(inFlight.count, { one: "run", other: "runs" })} in flight.`}
            </CardDescription>
          </div>
          <Button asChild variant="outline" size="sm">
            <Link href="/tasks">All runs</Link>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="space-y-5">
        {recent.length === 0 ? (
          <EmptyState
            icon={<ListChecks />}
            title="No runs yet"
            description="Pick an agent in the marketplace and run your first task."
            action={
              <Button asChild size="sm">
                <Link href="/marketplace">Browse the marketplace</Link>
              </Button>
            }
          />
        ) : (
          <>
            {inFlight.items.length > 0 ? (
              <section aria-labelledby="in-flight-heading" className="space-y-1">
                <h4 id="in-flight-heading" className="text-xs font-medium text-muted-foreground">
                  In flight
                </h4>
                <RunsTable runs={inFlight.items} testId="run-in-flight" />
              </section>
            ) : null}
            <section aria-labelledby="recent-runs-heading" className="space-y-1">
              <h4 id="recent-runs-heading" className="text-xs font-medium text-muted-foreground">
                Recent
              </h4>
              <RunsTable runs={recent} testId="recent-run" />
            </section>
          </>
        )}
      </CardContent>
    </Card>
  );
}
