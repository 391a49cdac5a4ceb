"use client";

import Link from "next/link";
import { HealthBadge, RatingLabel } from "@/components/agents/listing-badges";
import { formatCredits, formatRelative } from "@/components/format";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ListingPhase } from "@/server/schemas/listing-state";
import { StatusBadge } from "./status-badge";

export interface SellerListingRow {
  id: string;
  slug: string;
  name: string;
  phase: ListingPhase;
  statusReason: string | null;
  pricePerTask: number;
  health: "UNKNOWN" | "HEALTHY" | "FAILING";
  healthFlagged: boolean;
  currentVersion: number;
  updatedAt: Date;
  taskCount: number;
  ratingAvg: number | null;
  ratingCount: number;
  earningsThisMonth: number;
  tasksThisMonth: number;
}

/** One row per listing with its own numbers; the table scrolls inside itself on a phone. */
export function ListingsTable({ rows }: { rows: SellerListingRow[] }) {
  return (
    <Table className="min-w-[52rem]">
      <TableHeader>
        <TableRow>
          <TableHead>Agent</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Price</TableHead>
          <TableHead className="text-right">Earned this month</TableHead>
          <TableHead className="text-right">Tasks this month</TableHead>
          <TableHead>Rating</TableHead>
          <TableHead>Health</TableHead>
          <TableHead>Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="listing-row">
            <TableCell className="max-w-72">
              <Link href={`/sell/agents/${row.id}`} className="font-medium text-primary hover:underline">
                {row.name}
              </Link>
              <div className="truncate text-xs text-muted-foreground">
                v{row.currentVersion} · {row.slug}
              </div>
            </TableCell>
            <TableCell className="max-w-64">
              <StatusBadge phase={row.phase} />
              {row.statusReason ? (
                <p className="mt-1 line-clamp-2 text-xs text-muted-foreground" title={row.statusReason}>
                  {row.statusReason}
                </p>
              ) : null}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatCredits(row.pricePerTask)}</TableCell>
            <TableCell className="text-right tabular-nums" data-testid="listing-earned">
              {formatCredits(row.earningsThisMonth)}
            </TableCell>
            <TableCell className="text-right tabular-nums" data-testid="listing-tasks">
              {formatCredits(row.tasksThisMonth)}
              <div className="text-xs text-muted-foreground">{formatCredits(row.taskCount)} all time</div>
            </TableCell>
            <TableCell className="whitespace-nowrap">
              <RatingLabel average={row.ratingAvg} count={row.ratingCount} />
            </TableCell>
            <TableCell>
              <HealthBadge health={row.health} flagged={row.healthFlagged} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">{formatRelative(row.updatedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
