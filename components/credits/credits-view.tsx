"use client";

import { useQuery } from "@tanstack/react-query";
import { Coins, Lock, ScrollText, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { BudgetCard } from "@/components/billing/budget-card";
import { formatCredits } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { BuyCreditsCard } from "./buy-credits-card";
import { PurchasesTable } from "./purchases-table";

export function CreditsView({ checkoutCanceled }: { checkoutCanceled: boolean }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.credits.overview.queryOptions({ orgId: org.id }));
  const canBuy = org.role === "owner" || org.role === "admin";
  const canReadMoney = org.role !== "viewer";

  return (
    <div className="space-y-8">
      <PageHeader
        title="Credits"
        description={
          "Tasks are paid in credits: held when a task starts, charged when it succeeds, returned when it fails."
        }
        actions={
          canReadMoney ? (
            <Button asChild variant="outline">
              <Link href="/credits/statement">
                <ScrollText aria-hidden /> Statement
              </Link>
            </Button>
          ) : null
        }
      />
      {checkoutCanceled ? (
        <Alert>
          <AlertDescription>Checkout was canceled; nothing was charged.</AlertDescription>
        </Alert>
      ) : null}
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={
          <div className="grid gap-4 sm:grid-cols-2">
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
        }
      >
        {() => {
          const data = query.data!;
          return (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <Stat
                  icon={<Coins />}
                  label="Credits available"
                  value={<span data-testid="credits-balance">{formatCredits(data.balance.available)}</span>}
                  hint="Spendable on new tasks"
                />
                <Stat
                  icon={<Lock />}
                  label="Credits on hold"
                  value={formatCredits(data.balance.held)}
                  hint="Reserved by running tasks"
                />
              </div>
              {data.balance.available < 0 ? (
                <Alert variant="destructive" icon={<TriangleAlert />}>
                  <AlertTitle>Your balance is negative</AlertTitle>
                  <AlertDescription>
                    A refunded payment took back credits that were already spent. New tasks are blocked until you buy
                    credits.
                  </AlertDescription>
                </Alert>
              ) : null}
              <BuyCreditsCard orgId={org.id} packs={data.packs} purchases={data.purchases} canBuy={canBuy} />
            </>
          );
        }}
      </QueryState>
      <BudgetCard orgId={org.id} isOwner={org.role === "owner"} />
      {canReadMoney ? (
        <PurchasesTable orgId={org.id} />
      ) : (
        <p className="text-sm text-muted-foreground">
          Viewers see balances only. Owners and admins can give you the member role to see purchases and the statement.
        </p>
      )}
    </div>
  );
}
