"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { ArrowRightLeft, CircleDollarSign, Hourglass, Wallet } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { formatMoney } from "@/components/billing/format-money";
import { creditCount, formatCredits, formatDate } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { ConnectStatusCard } from "./connect-status-card";
import { PayoutsTable } from "./payouts-table";

export function PayoutsView({ onboarding }: { onboarding: "return" | "refresh" | null }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  // Back from Stripe's onboarding, the page reads the account only once it was re-read from Stripe: a read
  // started alongside the sync could answer with the account as it was before and be what the page keeps.
  const [syncing, setSyncing] = useState(onboarding === "return" && org.role !== "viewer");
  const query = useQuery({
    ...trpc.payouts.overview.queryOptions({ orgId: org.id }),
    enabled: org.role !== "viewer" && !syncing,
  });
  const sync = useMutation(trpc.payouts.syncAccount.mutationOptions({ onSettled: () => setSyncing(false) }));
  const synced = useRef(false);
  // Back from Stripe's onboarding: re-read the account now rather than wait for the webhook.
  useEffect(() => {
    if (onboarding !== "return" || synced.current || org.role === "viewer") return;
    synced.current = true;
    sync.mutate({ orgId: org.id });
  }, [onboarding, org.id, org.role, sync]);

  if (org.role === "viewer") {
    return <PageHeader title="Payouts" description="Viewers cannot see this organization's earnings." />;
  }
  return (
    <div className="space-y-8">
      <PageHeader title="Payouts" description="What your agents earned on Bureau and how it reaches your bank." />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={<Skeleton className="h-64 w-full" />}
      >
        {() => {
          const { earnings, rules, account, stripeEnabled } = query.data!;
          const money = (credits: number) => formatMoney(credits * rules.creditValueCents);
          const feePercent = rules.feeBps / 100;
          return (
            <>
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <Stat
                  icon={<Hourglass />}
                  label="Pending"
                  value={<span data-testid="earnings-pending">{formatCredits(earnings.pending)}</span>}
                  hint={
                    earnings.nextAvailableAt
                      ? `Next release ${formatDate(earnings.nextAvailableAt)}`
                      : `Held ${rules.holdDays} days after each task`
                  }
                />
                <Stat
                  icon={<Wallet />}
                  label="Available"
                  value={<span data-testid="earnings-available">{formatCredits(earnings.available)}</span>}
                  hint={`${money(earnings.available)} · paid out from ${formatCredits(rules.minimumCredits)}`}
                />
                <Stat
                  icon={<ArrowRightLeft />}
                  label="In transit"
                  value={formatCredits(earnings.inTransit)}
                  hint="Payouts not confirmed yet"
                />
                <Stat
                  icon={<CircleDollarSign />}
                  label="Paid out"
                  value={formatCredits(earnings.paidOut)}
                  hint={`${formatCredits(earnings.lifetime)} earned in total`}
                />
              </div>
              <ConnectStatusCard
                orgId={org.id}
                stripeEnabled={stripeEnabled}
                account={account}
                canManage={org.role === "owner" || org.role === "admin"}
                linkExpired={onboarding === "refresh"}
              />
              <p className="text-sm text-muted-foreground">
                Bureau keeps {feePercent}% of each task&apos;s price. Your share is pending for {rules.holdDays} days
                (the refund window), then available, then paid out daily once it reaches{" "}
                {creditCount(rules.minimumCredits)} ({money(rules.minimumCredits)}).
              </p>
            </>
          );
        }}
      </QueryState>
      <PayoutsTable orgId={org.id} />
    </div>
  );
}
