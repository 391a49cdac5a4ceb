"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2, Coins, Network, UserRound } from "lucide-react";
import { useMemo, useState } from "react";
import { plural } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { useMediaQuery } from "@/components/workflows/use-media-query";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { AskDialog } from "./ask-dialog";
import { canManageCompany, type CompanyChart } from "./company-types";
import { onChart } from "./department-card";
import { NewDepartmentDialog } from "./new-department-dialog";
import { OrgChartCanvas } from "./org-chart-canvas";
import { OrgChartList } from "./org-chart-list";
import { StreamStatus } from "./stream-status";
import { useCompanyActivity } from "./use-company-activity";

type Layout = "chart" | "list";

function ChartSkeleton() {
  return (
    <div className="space-y-4" role="status" aria-live="polite">
      <span className="sr-only">Loading the org chart…</span>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-[28rem]" />
    </div>
  );
}

function OrgStats({ chart }: { chart: CompanyChart }) {
  const live = chart.departments.filter((d) => d.archivedAt === null);
  const staff = live.flatMap((d) => onChart(d.positions));
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="org-figures">
      <Stat
        label="Org spend this month"
        icon={<Coins />}
        value={chart.org.spentCredits.toLocaleString("en-US")}
        hint={
          chart.org.capCredits === null
            ? "No org cap"
            : `${Math.floor((chart.org.spentCredits * 100) / Math.max(1, chart.org.capCredits))}% of the org cap`
        }
      />
      <Stat
        label="Org cap"
        icon={<Building2 />}
        value={chart.org.capCredits === null ? "None" : chart.org.capCredits.toLocaleString("en-US")}
        hint="Owners set it under Credits"
      />
      <Stat label="Departments and teams" icon={<Network />} value={live.length} />
      <Stat
        label="Staff"
        icon={<UserRound />}
        value={staff.length}
        hint={plural(staff.filter((p) => p.status === "PAUSED").length, { one: "paused", other: "paused" })}
      />
    </div>
  );
}

/**
 * /company: the org chart. The canvas (ELK on @xyflow/react) on a wide
 * screen, a nested list below 640 px or on request; figures follow the org's
 * event log, each department showing its latest event.
 */
export function CompanyView() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const canManage = canManageCompany(org.role);
  const [showArchived, setShowArchived] = useState(false);
  const [layout, setLayout] = useState<Layout>("chart");
  const wide = useMediaQuery("(min-width: 640px)");
  const query = useQuery({
    ...trpc.company.chart.queryOptions({ orgId: org.id, includeArchived: showArchived }),
    placeholderData: keepPreviousData,
  });
  const departments = useMemo(() => query.data?.departments ?? [], [query.data]);
  const positions = useMemo(
    () => new Map(departments.flatMap((d) => d.positions.map((p) => [p.id, d.id] as const))),
    [departments],
  );
  const { status, activity } = useCompanyActivity({ orgId: org.id, positions, refetch: () => void query.refetch() });
  const active = departments.filter((d) => d.archivedAt === null);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Company"
        description="Your departments and teams, the agents they employ, and what they spend this month."
        actions={
          // With no departments yet the empty state says what to do first.
          active.length ? (
            <>
              {canManage ? <NewDepartmentDialog orgId={org.id} departments={active} /> : null}
              <AskDialog orgId={org.id} department={null} />
            </>
          ) : null
        }
      />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        skeleton={<ChartSkeleton />}
      >
        {() => {
          const chart = query.data!;
          if (chart.departments.length === 0 && !showArchived) {
            return (
              <EmptyState
                icon={<Network />}
                title="No departments yet"
                description={
                  "A department is a unit of your company (Finance, Marketing, Legal) that employs agents from the " +
                  "marketplace, with its own budget, leads and approval policy. Requests to it go to its manager." +
                  (canManage ? "" : " Ask an admin of this organization to create the first one.")
                }
                action={
                  canManage ? (
                    <NewDepartmentDialog orgId={org.id} departments={[]} label="Create department" variant="default" />
                  ) : null
                }
              />
            );
          }
          return (
            <div className="space-y-4">
              <OrgStats chart={chart} />
              <div className="flex flex-wrap items-center justify-between gap-3">
                {wide ? (
                  <Tabs value={layout} onValueChange={(v) => setLayout(v === "list" ? "list" : "chart")}>
                    <TabsList aria-label="Show the company as">
                      <TabsTrigger value="chart">Chart</TabsTrigger>
                      <TabsTrigger value="list">List</TabsTrigger>
                    </TabsList>
                  </Tabs>
                ) : null}
                <div className="flex flex-wrap items-center gap-4">
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={showArchived}
                      onChange={(e) => setShowArchived(e.target.checked)}
                    />
                    Show archived
                  </label>
                  <StreamStatus status={status} />
                </div>
              </div>
              {wide && layout === "chart" ? (
                <Card className="overflow-hidden">
                  <OrgChartCanvas
                    departments={chart.departments}
                    org={{ name: org.name, ...chart.org }}
                    activity={activity}
                    className="h-[calc(100dvh-20rem)] min-h-[30rem]"
                  />
                </Card>
              ) : (
                <OrgChartList departments={chart.departments} activity={activity} />
              )}
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
