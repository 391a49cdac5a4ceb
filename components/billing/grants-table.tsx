"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Gift } from "lucide-react";
import { formatCredits, formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";
import { PagedTable } from "./paged-table";

/** Every grant across organizations, from the audit log. */
export function GrantsTable() {
  const trpc = useTRPC();
  const pages = useCursorPages();
  const query = useQuery({
    ...trpc.platform.grants.queryOptions({ cursor: pages.cursor, limit: 10 }),
    placeholderData: keepPreviousData,
  });

  return (
    <PagedTable
      query={query}
      pages={pages}
      empty={<EmptyState icon={<Gift />} title="No grants yet" description="Grants you make appear here." />}
      head={
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Organization</TableHead>
          <TableHead className="text-right">Credits</TableHead>
          <TableHead>Reason</TableHead>
          <TableHead>By</TableHead>
        </TableRow>
      }
      row={(g) => (
        <TableRow key={g.id} data-testid="grant-row">
          <TableCell className="whitespace-nowrap">{formatDateTime(g.createdAt)}</TableCell>
          <TableCell className="font-medium">{g.orgName}</TableCell>
          <TableCell className="text-right tabular-nums">{formatCredits(g.amount)}</TableCell>
          <TableCell className="max-w-xs truncate">{g.reason}</TableCell>
          <TableCell className="text-muted-foreground">{g.actorName}</TableCell>
        </TableRow>
      )}
    />
  );
}
