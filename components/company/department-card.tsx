import { Archive, Users } from "lucide-react";
import Link from "next/link";
import { formatRelative, plural } from "@/components/format";
import { Meter } from "@/components/charts/meter";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ActivityItem } from "./company-events";
import { PolicyBadge, PositionStatusBadge, spendLine } from "./company-format";
import type { ChartDepartment, ChartPosition } from "./company-types";
import { MAX_LISTED } from "./chart-layout";

/** The positions a chart shows: the ended ones are history, kept on the department page. */
export const onChart = (positions: ChartPosition[]) => positions.filter((p) => p.status !== "ENDED");

export function LeadsLine({ leads, className }: { leads: ChartDepartment["leads"]; className?: string }) {
  return (
    // A span, so that it may sit inside a page header's description paragraph.
    <span className={cn("flex min-w-0 items-center gap-1.5 text-[13px] text-muted-foreground", className)}>
      <Users className="size-3.5 shrink-0" aria-hidden />
      <span className="truncate" data-testid="department-leads">
        {leads.length ? leads.map((l) => l.name || l.email).join(", ") : "No lead yet"}
      </span>
    </span>
  );
}

/** This month's rolled-up spend (the department and its teams) against its cap, with a bar when capped. */
export function SpendMeter({ department }: { department: ChartDepartment }) {
  const cap = department.budget.capCredits;
  const spent = department.month.rolledUpSpentCredits;
  return (
    <div className="grid gap-1.5" data-testid="department-spend">
      <div className="flex items-baseline justify-between gap-2 text-[13px]">
        <span className="text-muted-foreground">Spend this month</span>
        <span className="font-medium tabular-nums">{spendLine(spent, cap)}</span>
      </div>
      {cap !== null ? (
        <Meter value={spent} max={cap} tone="budget" label={`${department.name}: spend against its monthly cap`} />
      ) : (
        <div className="h-2 rounded-full bg-muted" aria-hidden />
      )}
    </div>
  );
}

export function StaffRow({ position }: { position: ChartPosition }) {
  return (
    <li className="flex h-[34px] min-w-0 items-center gap-2" data-testid="chart-position">
      <Avatar name={position.agent.name} src={position.agent.iconUrl} shape="square" size="sm" />
      <div className="min-w-0 flex-1 leading-tight">
        <p className="truncate text-[13px] font-medium">{position.title}</p>
        {position.title !== position.agent.name ? (
          <p className="truncate text-xs text-muted-foreground">{position.agent.name}</p>
        ) : null}
      </div>
      <PositionStatusBadge status={position.status} />
    </li>
  );
}

export function LatestActivity({ items }: { items: ActivityItem[] | undefined }) {
  const latest = items?.[0];
  return (
    <p className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground" data-testid="department-activity">
      <span
        aria-hidden
        className={cn("size-1.5 shrink-0 rounded-full", latest ? "animate-pulse bg-success" : "bg-muted-foreground/40")}
      />
      {latest ? (
        <span className="truncate" title={latest.text}>
          {latest.text} · {formatRelative(latest.at)}
        </span>
      ) : (
        <span className="truncate">No recent activity</span>
      )}
    </p>
  );
}

/**
 * A department on the org chart: name and approval policy, leads, the month's
 * spend against its budget, tasks, its staff and the latest live event. Its
 * rows have fixed heights so the layout can size the card before it renders
 * (chart-layout's cardHeight).
 */
export function DepartmentCard(props: { department: ChartDepartment; activity?: ActivityItem[]; className?: string }) {
  const { department } = props;
  const staff = onChart(department.positions);
  const archived = department.archivedAt !== null;
  return (
    <article
      className={cn(
        "flex h-full flex-col gap-2.5 overflow-hidden rounded-xl border border-border bg-card p-3",
        "text-card-foreground shadow-xs",
        archived && "border-dashed opacity-70",
        props.className,
      )}
      data-testid="department-card"
      data-slug={department.slug}
    >
      <header className="flex h-6 min-w-0 items-center justify-between gap-2">
        <h3 className="min-w-0 truncate text-[15px] font-semibold">
          <Link
            href={`/company/${department.slug}`}
            className="hover:underline"
            title={department.mission || undefined}
          >
            {department.name}
          </Link>
        </h3>
        {archived ? (
          <Badge variant="outline">
            <Archive aria-hidden />
            Archived
          </Badge>
        ) : (
          <PolicyBadge policy={department.approvalPolicy} overCredits={department.approvalOverCredits} />
        )}
      </header>
      <LeadsLine leads={department.leads} />
      <SpendMeter department={department} />
      <p className="text-[13px] text-muted-foreground">
        {plural(department.month.tasks, { one: "task", other: "tasks" })} this month ·{" "}
        {plural(staff.length, { one: "position", other: "positions" })}
      </p>
      <div className="border-t border-border pt-2">
        {staff.length ? (
          <ul className="grid gap-0" aria-label={`Staff of ${department.name}`}>
            {staff.slice(0, MAX_LISTED).map((p) => (
              <StaffRow key={p.id} position={p} />
            ))}
          </ul>
        ) : (
          <p className="flex h-[34px] items-center text-[13px] text-muted-foreground">No staff yet: hire an agent</p>
        )}
        {staff.length > MAX_LISTED ? (
          <p className="h-[22px] pt-1 text-xs text-muted-foreground">+{staff.length - MAX_LISTED} more</p>
        ) : null}
      </div>
      <div className="mt-auto">
        <LatestActivity items={props.activity} />
      </div>
    </article>
  );
}
