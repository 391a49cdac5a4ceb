"use client";

import { useQuery } from "@tanstack/react-query";
import { Activity, Coins, Gauge, Users } from "lucide-react";
import Link from "next/link";
import { Meter } from "@/components/charts/meter";
import { formatCredits, plural } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { ActivityCard } from "./activity-card";
import type { Dashboard } from "./dashboard-types";
import { RunsCard } from "./runs-card";
import { SpendChartCard } from "./spend-chart-card";
import { TopAgentsCard } from "./top-agents-card";

/** "November 2026" from "2026-11". */
const monthName = (key: string) =>
  new Date(`${key}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

function MonthSpendStat({ month }: { month: Dashboard["month"] }) {
  const held = month.committedCredits - month.chargedCredits;
  return (
    <Stat
      icon={<Gauge />}
      label={`Spent in ${monthName(month.key)}`}
      value={
        <span data-testid="month-spend">
          {formatCredits(month.committedCredits)}
          {month.capCredits !== null ? (
            <span className="text-sm font-normal text-muted-foreground"> / {formatCredits(month.capCredits)}</span>
          ) : null}
        </span>
      }
      hint={
        <div className="grid gap-1.5">
          {month.capCredits !== null ? (
            <Meter
              tone="budget"
              value={month.committedCredits}
              max={month.capCredits}
              label="Spend against the monthly cap"
            />
          ) : null}
          <span>
            {month.capCredits !== null ? `${month.percent ?? 0}% of the monthly cap` : "No monthly cap"}
            {held > 0 ? ` · ${formatCredits(held)} on hold` : ""} ·{" "}
            <Link className="text-primary hover:underline" href="/credits">
              {month.capCredits !== null ? "Budget" : "Set a cap"}
            </Link>
          </span>
        </div>
      }
    />
  );
}

function DashboardSkeleton() {
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
      <Skeleton className="h-72" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}

/** The owner's view of the company: money this month, runs, where the money went, and what happened. */
export function DashboardView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.orgs.dashboard.queryOptions({ orgId: org.id }));
  const canOpenLog = org.role === "owner" || org.role === "admin";

  return (
    <div className="space-y-8">
      <PageHeader title={org.name} description="Your organization at a glance." />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={<DashboardSkeleton />}
      >
        {() => {
          const data = query.data!;
          return (
            <div className="space-y-6">
              <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
                <MonthSpendStat month={data.month} />
                <Stat
                  icon={<Coins />}
                  label="Credits available"
                  value={<span data-testid="credits-available">{formatCredits(data.balance.available)}</span>}
                  hint={
                    <>
                      {data.balance.held > 0 ? `${formatCredits(data.balance.held)} on hold · ` : ""}
                      <Link className="text-primary hover:underline" href="/credits">
                        {org.role === "viewer" ? "Credits" : "Buy or see the statement"}
                      </Link>
                    </>
                  }
                />
                <Stat
                  icon={<Activity />}
                  label="Runs in flight"
                  value={<span data-testid="runs-in-flight">{formatCredits(data.runsInFlight.count)}</span>}
                  hint={`${plural(data.month.runs, { one: "run", other: "runs" })} started this month`}
                />
                <Stat
                  icon={<Users />}
                  label="Members"
                  value={data.memberCount}
                  hint={
                    <>
                      {data.pendingInvitationCount
                        ? `${plural(data.pendingInvitationCount, { one: "invitation", other: "invitations" })} pending`
                        : "No pending invitations"}{" "}
                      · {plural(data.activeApiKeyCount, { one: "API key", other: "API keys" })}
                    </>
                  }
                />
              </div>
              <SpendChartCard days={data.spendByDay} />
              <div className="grid gap-6 lg:grid-cols-2">
                <RunsCard inFlight={data.runsInFlight} recent={data.recentRuns} />
                <TopAgentsCard agents={data.topAgents} />
              </div>
              <ActivityCard items={data.recentActivity} canOpenLog={canOpenLog} />
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
