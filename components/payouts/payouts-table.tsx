"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Banknote } from "lucide-react";
import { formatMoney } from "@/components/billing/format-money";
import { PagedTable } from "@/components/billing/paged-table";
import { formatCredits, formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";

const STATUS = {
  PENDING: ["in transit", "secondary"],
  PAID: ["paid", "success"],
  FAILED: ["failed, retrying", "destructive"],
} as const;

/** A seller's payouts with failures and their reasons, a page at a time. */
export function PayoutsTable({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const pages = useCursorPages();
  const query = useQuery({
    ...trpc.payouts.list.queryOptions({ orgId, cursor: pages.cursor, limit: 10 }),
    placeholderData: keepPreviousData,
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Payout history</CardTitle>
        <CardDescription>
          Transfers of your available earnings to your Stripe account. A failed transfer is retried automatically.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <PagedTable
          query={query}
          pages={pages}
          empty={
            <EmptyState
              icon={<Banknote />}
              title="No payouts yet"
              description="Payouts start once your available earnings reach the minimum."
            />
          }
          head={
            <TableRow>
              <TableHead>Started</TableHead>
              <TableHead className="text-right">Credits</TableHead>
              <TableHead className="text-right">Amount</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Details</TableHead>
            </TableRow>
          }
          row={(p) => (
            <TableRow key={p.id} data-testid="payout-row">
              <TableCell className="whitespace-nowrap">{formatDateTime(p.createdAt)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatCredits(p.credits)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</TableCell>
              <TableCell>
                <Badge variant={STATUS[p.status][1]}>{STATUS[p.status][0]}</Badge>
              </TableCell>
              <TableCell className="max-w-sm text-sm">
                {p.status === "PAID" && p.paidAt ? (
                  <span className="text-muted-foreground">
                    Paid {formatDateTime(p.paidAt)} · <code className="text-xs">{p.stripeTransferId}</code>
                  </span>
                ) : null}
                {p.status !== "PAID" && p.lastError ? (
                  <span className="text-destructive">
                    {p.lastError}
                    <span className="block text-xs text-muted-foreground">
                      {p.failureCount} failed attempt{p.failureCount === 1 ? "" : "s"}
                      {p.lastAttemptAt ? `, last ${formatDateTime(p.lastAttemptAt)}` : ""}
                    </span>
                  </span>
                ) : null}
              </TableCell>
            </TableRow>
          )}
        />
      </CardContent>
    </Card>
  );
}
