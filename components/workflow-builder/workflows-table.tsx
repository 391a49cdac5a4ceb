import Link from "next/link";
import { formatDateTime, formatRelative } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WorkflowSummary } from "./builder-types";
import { LastRunCell } from "./last-run-cell";

/** The version column: "v3", with a marker when the draft has changes not yet published. */
function VersionCell({ workflow }: { workflow: WorkflowSummary }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {workflow.latestVersion > 0 ? (
        <span className="font-medium tabular-nums">v{workflow.latestVersion}</span>
      ) : (
        <span className="text-muted-foreground">Not published</span>
      )}
      {workflow.latestVersion > 0 && workflow.hasUnpublishedChanges ? (
        <Badge variant="warning" data-testid="unpublished-marker" title="The draft has changes not yet published">
          Draft changes
        </Badge>
      ) : null}
      {workflow.latestVersion === 0 ? <Badge variant="outline">Draft</Badge> : null}
    </span>
  );
}

/** The org's workflows: a row opens the builder; on a phone the version and dates fold under the name. */
export function WorkflowsTable({ rows, now }: { rows: WorkflowSummary[]; now: number }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Workflow</TableHead>
          <TableHead className="hidden sm:table-cell">Version</TableHead>
          <TableHead className="hidden md:table-cell">Last run</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((workflow) => (
          <TableRow key={workflow.id} data-testid="workflow-row" data-workflow-id={workflow.id} className="relative">
            <TableCell className="max-w-72 sm:max-w-md">
              {/* The whole row opens the builder; the link's overlay keeps it one tab stop. */}
              <Link
                href={`/workflows/${workflow.id}`}
                className="block truncate font-medium after:absolute after:inset-0 hover:underline"
              >
                {workflow.name}
              </Link>
              {workflow.description ? (
                <p className="truncate text-xs text-muted-foreground">{workflow.description}</p>
              ) : null}
              <div className="mt-1 sm:hidden">
                <VersionCell workflow={workflow} />
              </div>
            </TableCell>
            <TableCell className="hidden sm:table-cell">
              <VersionCell workflow={workflow} />
            </TableCell>
            <TableCell className="hidden md:table-cell">
              <LastRunCell workflowId={workflow.id} now={now} />
            </TableCell>
            <TableCell className="hidden text-right whitespace-nowrap text-muted-foreground sm:table-cell">
              <time dateTime={workflow.updatedAt.toISOString()} title={formatDateTime(workflow.updatedAt)}>
                {formatRelative(workflow.updatedAt, now)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
