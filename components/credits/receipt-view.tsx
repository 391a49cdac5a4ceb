"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink, Printer, ReceiptText } from "lucide-react";
import Link from "next/link";
import { formatMoney, formatPricePerCredit } from "@/components/billing/format-money";
import { creditCount, formatCredits, formatDateTime } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

// Printing shows the receipt alone: everything else on the page (navigation,
// header, buttons) is hidden, whatever layout it sits in.
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  [data-print-root], [data-print-root] * { visibility: visible; }
  [data-print-root] { position: absolute; left: 0; top: 0; width: 100%; border: 0; box-shadow: none; }
}`;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

/** A purchase's receipt, printable: what was bought, when, for how much, and Stripe's references. */
export function ReceiptView({ purchaseId }: { purchaseId: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.credits.receipt.queryOptions({ orgId: org.id, purchaseId }), retry: false });

  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <PageHeader
        eyebrow={
          <Link href="/credits" className="hover:underline">
            Credits
          </Link>
        }
        title="Receipt"
        actions={
          query.data ? (
            <Button variant="outline" onClick={() => window.print()}>
              <Printer aria-hidden /> Print
            </Button>
          ) : null
        }
      />
      <QueryState
        isPending={query.isPending}
        error={query.error?.data?.code === "NOT_FOUND" ? null : query.error}
        onRetry={() => void query.refetch()}
        skeleton={<Skeleton className="h-96 max-w-2xl" />}
      >
        {() => {
          const r = query.data;
          if (!r)
            return (
              <EmptyState
                icon={<ReceiptText />}
                title="No receipt here"
                description="This purchase is not in this organization, or it was never paid."
                action={
                  <Button asChild variant="outline">
                    <Link href="/credits">Back to credits</Link>
                  </Button>
                }
              />
            );
          return (
            <Card className="max-w-2xl" data-print-root data-testid="receipt">
              <CardContent className="space-y-6 pt-6">
                <div className="flex flex-wrap items-start justify-between gap-4">
                  <div>
                    <div className="flex items-center gap-2 font-semibold tracking-tight">
                      <span
                        className={cn(
                          "grid size-7 place-items-center rounded-md",
                          "bg-primary text-sm text-primary-foreground",
                        )}
                      >
                        B
                      </span>
                      Bureau
                    </div>
                    <p className="mt-1 text-sm text-muted-foreground">Receipt for a credit purchase</p>
                  </div>
                  <div className="text-right text-sm">
                    <div className="text-2xl font-semibold tabular-nums" data-testid="receipt-amount">
                      {formatMoney(r.amountCents, r.currency)}
                    </div>
                    <div className="text-muted-foreground">Paid {formatDateTime(r.paidAt)}</div>
                    {r.status !== "PAID" ? (
                      <Badge variant="destructive" className="mt-1">
                        {r.status === "REFUNDED" ? "Refunded" : "Partly refunded"}
                      </Badge>
                    ) : null}
                  </div>
                </div>
                <dl className="grid gap-3 text-sm">
                  <Row label="Receipt number">
                    <span className="font-mono text-xs">{r.id}</span>
                  </Row>
                  <Row label="Billed to">
                    {r.orgName}
                    {r.buyer ? (
                      <span className="block text-muted-foreground">
                        Bought by {r.buyer.name} ({r.buyer.email})
                      </span>
                    ) : null}
                  </Row>
                  <Row label="Pack">
                    <span data-testid="receipt-pack">{formatCredits(r.credits)} Bureau credits</span>{" "}
                    <span className="text-muted-foreground">
                      ({formatPricePerCredit(r.amountCents, r.credits, r.currency)} per credit)
                    </span>
                  </Row>
                  {r.refundedCredits > 0 ? (
                    <Row label="Refunded">{creditCount(r.refundedCredits)} taken back</Row>
                  ) : null}
                  <Row label="Total">
                    <span className="font-medium">
                      {formatMoney(r.amountCents, r.currency)} {r.currency.toUpperCase()}
                    </span>
                  </Row>
                </dl>
                <div className="space-y-2 border-t border-border pt-4">
                  <h2 className="text-sm font-medium">Stripe references</h2>
                  <dl className="grid gap-2 font-mono text-xs">
                    <Row label="Checkout Session">{r.stripeCheckoutSessionId ?? "—"}</Row>
                    <Row label="Payment intent">{r.stripePaymentIntentId ?? "—"}</Row>
                    <Row label="Charge">
                      <span data-testid="receipt-charge">{r.stripeChargeId ?? "—"}</span>
                    </Row>
                  </dl>
                  {r.receiptUrl ? (
                    <a
                      href={r.receiptUrl}
                      target="_blank"
                      rel="noreferrer"
                      className="inline-flex items-center gap-1 text-sm text-primary hover:underline"
                    >
                      Stripe&apos;s receipt <ExternalLink className="size-3" aria-hidden />
                    </a>
                  ) : null}
                </div>
              </CardContent>
            </Card>
          );
        }}
      </QueryState>
    </div>
  );
}
