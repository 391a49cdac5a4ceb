import type { inferRouterOutputs } from "@trpc/server";
import { formatDateTime } from "@/components/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AppRouter } from "@/server/trpc/root";

export type AuditRow = inferRouterOutputs<AppRouter>["orgs"]["auditLog"]["items"][number];

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>What happened</TableHead>
          <TableHead>Who</TableHead>
          <TableHead className="text-right">Entry</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="audit-row" data-action={row.action}>
            <TableCell className="align-top whitespace-nowrap text-muted-foreground">
              <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
            </TableCell>
            <TableCell className="min-w-64 align-top">
              <div className="font-medium">{row.summary}</div>
              <details className="mt-1 text-xs text-muted-foreground">
                <summary className="cursor-pointer select-none">
                  <code>{row.action}</code>
                </summary>
                <pre className="mt-1 max-w-xl overflow-x-auto rounded-md bg-muted p-2 whitespace-pre-wrap break-all">
                  {JSON.stringify({ target: row.target, ...row.data }, null, 2)}
                </pre>
                <div className="mt-1 break-all">hash {row.hash}</div>
              </details>
            </TableCell>
            <TableCell className="align-top whitespace-nowrap">
              {row.actor ? (
                <>
                  {row.actor.name}
                  <span className="block text-xs text-muted-foreground">{row.actor.email}</span>
                </>
              ) : (
                <span className="text-muted-foreground">Bureau</span>
              )}
            </TableCell>
            <TableCell className="text-right align-top text-xs text-muted-foreground tabular-nums">#{row.id}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
