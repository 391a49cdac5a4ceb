import Link from "next/link";
import { formatCredits, formatDateTime, formatRelative } from "@/components/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TaskState } from "@/server/schemas/enums";
import { formatDuration } from "./task-format";
import { TaskStateBadge } from "./task-state-badge";
import { isTestRun, TestRunBadge, viaDoor } from "./test-run-badge";

export interface TaskRow {
  id: string;
  state: TaskState;
  source: string;
  price: number;
  preview: string;
  createdAt: Date;
  durationMs: number | null;
  agent: { slug: string; name: string };
}

export function TasksTable({ rows }: { rows: TaskRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Agent and request</TableHead>
          <TableHead>State</TableHead>
          <TableHead className="text-right">Price</TableHead>
          <TableHead className="text-right">Duration</TableHead>
          <TableHead>Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((task) => (
          <TableRow key={task.id} data-testid="task-row" className="relative">
            <TableCell className="max-w-md">
              {/* The whole row opens the task; the link's overlay keeps it one tab stop. */}
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/tasks/${task.id}`} className="font-medium after:absolute after:inset-0 hover:underline">
                  {task.agent.name}
                </Link>
                {isTestRun(task.source) ? <TestRunBadge /> : null}
              </div>
              <div className="truncate text-xs text-muted-foreground">
                {task.preview || "No text"}
                {viaDoor(task.source) ? ` · via ${viaDoor(task.source)}` : ""}
              </div>
            </TableCell>
            <TableCell>
              <TaskStateBadge state={task.state} />
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCredits(task.price)}</TableCell>
            <TableCell className="text-right tabular-nums text-muted-foreground">
              {task.durationMs === null ? "—" : formatDuration(task.durationMs)}
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              <time dateTime={task.createdAt.toISOString()} title={formatDateTime(task.createdAt)}>
                {formatRelative(task.createdAt)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
