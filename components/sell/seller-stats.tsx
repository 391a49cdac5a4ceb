"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, Coins, ListChecks, Star } from "lucide-react";
import Link from "next/link";
import { formatCredits, plural } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";

const month = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

const hintLink = "font-medium text-foreground underline-offset-2 hover:underline";

/** The seller's numbers for this month: earnings (from the ledger), buyers' tasks, rating and health. */
export function SellerStats({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.sell.overview.queryOptions({ orgId }));
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-28" />
          ))}
        </div>
      }
    >
      {() => {
        const o = query.data!;
        const { health } = o;
        return (
          <section aria-label="This month" className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="seller-stats">
            <Stat
              icon={<Coins />}
              label={`Earned in ${month.format(o.monthStart)}`}
              value={<span data-testid="earned-this-month">{formatCredits(o.earnings.thisMonth)}</span>}
              hint={
                <>
                  {formatCredits(o.earnings.pending)} pending · {formatCredits(o.earnings.available)} available ·{" "}
                  <Link href="/sell/payouts" className={hintLink}>
                    Payouts
                  </Link>
                </>
              }
            />
            <Stat
              icon={<ListChecks />}
              label="Buyers' tasks this month"
              value={<span data-testid="tasks-this-month">{formatCredits(o.tasks.thisMonth)}</span>}
              hint={`${formatCredits(o.tasks.completedThisMonth)} completed`}
            />
            <Stat
              icon={<Star />}
              label="Rating"
              value={o.rating.average === null ? "—" : `${o.rating.average.toFixed(1)} / 5`}
              hint={
                <Link href="/sell/reviews" className={hintLink}>
                  {o.rating.count === 0
                    ? "No reviews yet"
                    : plural(o.rating.count, { one: "review", other: "reviews" })}
                  {o.rating.unanswered > 0 ? ` · ${formatCredits(o.rating.unanswered)} awaiting a reply` : ""}
                </Link>
              }
            />
            <Stat
              icon={<Activity />}
              label="Health of live listings"
              value={health.live === 0 ? "—" : `${health.healthy} / ${health.live}`}
              hint={
                health.live === 0
                  ? "No published listings"
                  : health.failing > 0
                    ? plural(health.failing, { one: "listing fails its checks", other: "listings fail their checks" })
                    : health.unchecked > 0
                      ? `${plural(health.unchecked, { one: "listing", other: "listings" })} not checked yet`
                      : "All healthy"
              }
            />
          </section>
        );
      }}
    </QueryState>
  );
}
