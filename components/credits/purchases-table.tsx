"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ExternalLink, Receipt } from "lucide-react";
import Link from "next/link";
import { formatMoney } from "@/components/billing/format-money";
import { PagedTable } from "@/components/billing/paged-table";
import { formatCredits, formatDateTime } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { useCursorPages } from "@/components/tasks/use-cursor-pages";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TableCell, TableHead, TableRow } from "@/components/ui/table";

const STATUS: Record<string, { label: string; variant: BadgeProps["variant"] }> = {
  OPEN: { label: "processing", variant: "warning" },
  PAID: { label: "paid", variant: "success" },
  FAILED: { label: "failed", variant: "destructive" },
  EXPIRED: { label: "expired", variant: "secondary" },
  PARTIALLY_REFUNDED: { label: "partly refunded", variant: "warning" },
  REFUNDED: { label: "refunded", variant: "destructive" },
};

/** The org's purchases with Stripe receipt links, a page at a time. */
export function PurchasesTable({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const pages = useCursorPages();
  const query = useQuery({
    ...trpc.credits.purchases.queryOptions({ orgId, cursor: pages.cursor, limit: 10 }),
    placeholderData: keepPreviousData,
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Purchases</CardTitle>
        <CardDescription>Every credit pack bought for this organization, with its receipt.</CardDescription>
      </CardHeader>
      <CardContent>
        <PagedTable
          query={query}
          pages={pages}
          empty={
            <EmptyState
              icon={<Receipt />}
              title="No purchases yet"
              description="Packs you buy show up here with their receipts."
            />
          }
          head={
            <TableRow>
              <TableHead>Date</TableHead>
              <TableHead className="text-right">Credits</TableHead>
              <TableHead className="text-right">Amount</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Receipt</TableHead>
            </TableRow>
          }
          row={(p) => (
            <TableRow key={p.id} data-testid="purchase-row">
              <TableCell className="whitespace-nowrap">{formatDateTime(p.paidAt ?? p.createdAt)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCredits(p.credits)}
                {p.refundedCredits > 0 ? (
                  <div className="text-xs text-destructive">−{formatCredits(p.refundedCredits)} refunded</div>
                ) : null}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(p.amountCents, p.currency)}</TableCell>
              <TableCell>
                <Badge variant={STATUS[p.status]?.variant ?? "outline"}>{STATUS[p.status]?.label ?? p.status}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {p.status === "PAID" || p.status === "PARTIALLY_REFUNDED" || p.status === "REFUNDED" ? (
                  <span className="inline-flex items-center gap-3">
                    <Link href={`/credits/receipts/${p.id}`} className="text-primary hover:underline">
                      Receipt
                    </Link>
                    {p.receiptUrl ? (
                      <a
                        href={p.receiptUrl}
                        target="_blank"
                        rel="noreferrer"
                        className="inline-flex items-center gap-1 text-muted-foreground hover:underline"
                      >
                        Stripe <ExternalLink className="size-3" aria-hidden />
                        <span className="sr-only">receipt (opens Stripe)</span>
                      </a>
                    ) : null}
                  </span>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
            </TableRow>
          )}
        />
      </CardContent>
    </Card>
  );
}
