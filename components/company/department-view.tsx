"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Coins, Gauge, ListChecks, SearchX, Stamp } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { formatCredits } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { canManageCompany, type ChartDepartment, type DepartmentDetail } from "./company-types";
import { ChildTeams } from "./child-teams";
import { DepartmentActivity } from "./department-activity";
import { DepartmentHeader } from "./department-header";
import { DepartmentRuns } from "./department-runs";
import { BudgetCard, PolicyCard } from "./department-settings";
import { StaffTable } from "./staff-table";
import { useCompanyActivity } from "./use-company-activity";

const RUNS_PAGE = 20;

function DepartmentSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-live="polite">
      <span className="sr-only">Loading the department…</span>
      <Skeleton className="h-24" />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}

function DepartmentStats({ department }: { department: DepartmentDetail }) {
  const cap = department.budget.capCredits;
  const rolled = department.month.rolledUpSpentCredits;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="department-figures">
      <Stat
        label="Spend this month"
        icon={<Coins />}
        value={formatCredits(department.month.spentCredits)}
        hint={`${formatCredits(rolled)} with its teams`}
      />
      <Stat
        label="Monthly budget"
        icon={<Gauge />}
        value={cap === null ? "No cap" : formatCredits(cap)}
        hint={cap === null ? "Only the org cap applies" : `${Math.floor((rolled * 100) / Math.max(1, cap))}% used`}
      />
      <Stat label="Tasks this month" icon={<ListChecks />} value={formatCredits(department.month.tasks)} />
      <Link
        href="/approvals"
        className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <Stat
          label="Approvals waiting"
          icon={<Stamp />}
          value={department.pendingApprovals}
          hint="Open the inbox"
          className="transition-colors hover:bg-accent"
          data-testid="department-pending-approvals"
        />
      </Link>
    </div>
  );
}

/**
 * /company/<slug>: one department. Its figures, staff, budget and policy,
 * runs, teams and live activity; admins change them in place.
 */
export function DepartmentView({ slug }: { slug: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const canManage = canManageCompany(org.role);
  const query = useQuery({
    ...trpc.company.department.queryOptions({ orgId: org.id, slug }),
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
  });
  // The whole tree: where a position or the department may move, and the teams' names.
  const chart = useQuery({
    ...trpc.company.chart.queryOptions({ orgId: org.id, includeArchived: true }),
    enabled: query.isSuccess,
  });
  const department = query.data;
  const positions = useMemo(
    () => new Map((department?.positions ?? []).map((p) => [p.id, department!.id] as const)),
    [department],
  );
  const runs = useInfiniteQuery(
    trpc.company.departmentTasks.infiniteQueryOptions(
      { orgId: org.id, slug, limit: RUNS_PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined, enabled: query.isSuccess },
    ),
  );
  // The runs listed here are this department's: their events are its activity.
  const tasks = useMemo(
    () => new Map((runs.data?.pages ?? []).flatMap((p) => p.items.map((t) => [t.id, department?.id ?? ""] as const))),
    [runs.data, department],
  );
  const { status, activity } = useCompanyActivity({
    orgId: org.id,
    positions,
    tasks,
    refetch: () => {
      void query.refetch();
      void chart.refetch();
      void runs.refetch();
    },
  });

  if (query.error?.data?.code === "NOT_FOUND") {
    return (
      <EmptyState
        icon={<SearchX />}
        title="Department not found"
        description={`No department at this address belongs to ${org.name}.`}
        action={
          <Button asChild variant="outline">
            <Link href="/company">The company</Link>
          </Button>
        }
      />
    );
  }
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={<DepartmentSkeleton />}
    >
      {() => {
        const d = query.data!;
        const all: ChartDepartment[] = chart.data?.departments ?? [];
        return (
          // Keyed by the department, so forms holding drafts start afresh on another department's page.
          <div key={d.id} className="space-y-6" data-testid="department-page" data-slug={d.slug}>
            <DepartmentHeader department={d} departments={all} canManage={canManage} />
            <DepartmentStats department={d} />
            <StaffTable department={d} departments={all} canManage={canManage} />
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <BudgetCard department={d} canManage={canManage} />
              <PolicyCard department={d} canManage={canManage} />
            </div>
            <DepartmentRuns runs={runs} />
            <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <ChildTeams department={d} departments={all} canManage={canManage} />
              <DepartmentActivity items={activity.get(d.id) ?? []} status={status} />
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
