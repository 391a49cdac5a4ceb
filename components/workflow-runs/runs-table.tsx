import Link from "next/link";
import { formatCredits, formatDateTime, formatRelative } from "@/components/format";
import { formatDuration } from "@/components/tasks/task-format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { elapsedMs, runTitle, shortId, TRIGGER_LABEL } from "./run-format";
import { RunStateBadge } from "./run-state-badge";
import type { RunSummary } from "./run-types";

/** Runs, newest first. On a phone the trigger and start time fold under the name. */
export function RunsTable({ rows, now }: { rows: RunSummary[]; now: number }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Workflow</TableHead>
          <TableHead className="hidden sm:table-cell">State</TableHead>
          <TableHead className="hidden md:table-cell">Trigger</TableHead>
          <TableHead className="hidden sm:table-cell">Started</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Duration</TableHead>
          <TableHead className="text-right">Cost</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((run) => {
          const started = run.startedAt ?? run.createdAt;
          const duration = elapsedMs(run.startedAt, run.finishedAt, now);
          return (
            <TableRow key={run.id} data-testid="run-row" data-run-id={run.id} className="relative">
              <TableCell className="max-w-56 sm:max-w-sm">
                {/* The whole row opens the run; the link's overlay keeps it one tab stop. */}
                <Link
                  href={`/workflows/runs/${run.id}`}
                  className="block truncate font-medium after:absolute after:inset-0 hover:underline"
                >
                  {runTitle(run)}
                </Link>
                <div className="mt-1 sm:hidden">
                  <RunStateBadge state={run.state} />
                </div>
                <div className="truncate text-xs text-muted-foreground">
                  <span className="font-mono">{shortId(run.id)}</span>
                  {run.versionNumber !== null ? ` · v${run.versionNumber}` : ""}
                  {run.generation > 1 ? ` · retry ${run.generation - 1}` : ""}
                  <span className="md:hidden"> · {TRIGGER_LABEL[run.trigger]}</span>
                  <span className="sm:hidden"> · {formatRelative(started, now)}</span>
                </div>
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                <RunStateBadge state={run.state} />
              </TableCell>
              <TableCell className="hidden text-muted-foreground md:table-cell">{TRIGGER_LABEL[run.trigger]}</TableCell>
              <TableCell className="hidden whitespace-nowrap text-muted-foreground sm:table-cell">
                <time dateTime={started.toISOString()} title={formatDateTime(started)}>
                  {formatRelative(started, now)}
                </time>
              </TableCell>
              <TableCell className="hidden text-right text-muted-foreground tabular-nums sm:table-cell">
                {duration === null ? "—" : formatDuration(duration)}
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                {formatCredits(run.spentCredits)} cr
                {run.budgetCapCredits !== null ? (
                  <span className="block text-xs text-muted-foreground">of {formatCredits(run.budgetCapCredits)}</span>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
