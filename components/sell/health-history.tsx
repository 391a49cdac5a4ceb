import { Activity } from "lucide-react";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

interface Check {
  id: string;
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  checkedAt: Date;
}

/** The latest probes of the card and endpoint. */
export function HealthHistory({ checks }: { checks: Check[] }) {
  if (checks.length === 0) {
    return (
      <EmptyState
        icon={<Activity />}
        title="Not checked yet"
        description="Bureau checks on publish and every 15 minutes after."
      />
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Result</TableHead>
          <TableHead>HTTP</TableHead>
          <TableHead>Time</TableHead>
          <TableHead>Problem</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {checks.map((c) => (
          <TableRow key={c.id} data-testid="health-check">
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(c.checkedAt)}</TableCell>
            <TableCell>
              <Badge variant={c.ok ? "success" : "destructive"}>{c.ok ? "OK" : "Failed"}</Badge>
            </TableCell>
            <TableCell className="tabular-nums">{c.httpStatus ?? "—"}</TableCell>
            <TableCell className="tabular-nums">{c.latencyMs !== null ? `${c.latencyMs} ms` : "—"}</TableCell>
            <TableCell className="max-w-80 text-xs text-muted-foreground">{c.error ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
