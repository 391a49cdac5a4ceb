"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck, CircleX, ExternalLink } from "lucide-react";
import Link from "next/link";
import { formatMoney } from "@/components/billing/format-money";
import { creditCount, formatCredits } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";

/**
 * Where Stripe sends the buyer back. It only reads: "processing" until the
 * webhook has credited the purchase (polling), then the new balance.
 */
export function PurchaseReturn({ sessionId }: { sessionId: string | null }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.credits.purchaseStatus.queryOptions({ orgId: org.id, sessionId: sessionId ?? "" }),
    enabled: Boolean(sessionId),
    retry: false,
    refetchInterval: (q) => (q.state.data?.state === "processing" ? 1500 : false),
  });

  return (
    <div className="space-y-8">
      <PageHeader
        title="Your purchase"
        eyebrow={
          <Link href="/credits" className="hover:underline">
            Credits
          </Link>
        }
      />
      {!sessionId ? (
        <EmptyState
          icon={<CircleX />}
          title="No purchase to show"
          description="This page is opened by Stripe after checkout."
          action={
            <Button asChild variant="outline">
              <Link href="/credits">Back to credits</Link>
            </Button>
          }
        />
      ) : (
        <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
          {() => {
            const data = query.data!;
            return (
              <Card className="max-w-xl">
                <CardContent className="space-y-4 pt-6">
                  {data.state === "processing" ? (
                    <div className="flex items-center gap-3" data-testid="purchase-processing">
                      <Spinner label={null} className="size-5" />
                      <div>
                        <p className="font-medium">Processing your payment…</p>
                        <p className="text-sm text-muted-foreground">
                          {creditCount(data.credits)} for {formatMoney(data.amountCents, data.currency)}. They appear as
                          soon as Stripe confirms; this page updates by itself.
                        </p>
                      </div>
                    </div>
                  ) : data.state === "failed" ? (
                    <div className="flex items-center gap-3">
                      <CircleX className="size-5 text-destructive" aria-hidden />
                      <p className="font-medium">The payment did not go through. Nothing was charged.</p>
                    </div>
                  ) : (
                    <div className="flex items-start gap-3" data-testid="purchase-credited">
                      <CircleCheck className="mt-0.5 size-5 text-success" aria-hidden />
                      <div className="space-y-1">
                        <p className="font-medium">{creditCount(data.credits)} added.</p>
                        <p className="text-sm">
                          New balance:{" "}
                          <span className="font-semibold tabular-nums" data-testid="new-balance">
                            {formatCredits(data.balance.available)}
                          </span>{" "}
                          credits
                        </p>
                        {data.receiptUrl ? (
                          <a
                            href={data.receiptUrl}
                            target="_blank"
                            rel="noreferrer"
                            className="inline-flex items-center gap-1 text-sm text-primary hover:underline"
                          >
                            View receipt <ExternalLink className="size-3" aria-hidden />
                          </a>
                        ) : null}
                      </div>
                    </div>
                  )}
                  <Button asChild variant="outline">
                    <Link href="/credits">Back to credits</Link>
                  </Button>
                </CardContent>
              </Card>
            );
          }}
        </QueryState>
      )}
    </div>
  );
}
