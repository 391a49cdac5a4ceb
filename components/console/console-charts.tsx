"use client";

import { Activity, ChartNoAxesColumn, Timer } from "lucide-react";
import { memo, type ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK, CHART_COLORS } from "@/components/charts/chart-theme";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { formatCredits, plural } from "@/components/format";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ConsoleSnapshot } from "./console-types";

const hhmm = (iso: string) => iso.slice(11, 16);
const LEGEND_STYLE = { fontSize: 12, color: "var(--muted-foreground)" } as const;

function ChartCard(props: { title: string; description: ReactNode; testId: string; children: ReactNode }) {
  return (
    <Card className="min-w-0" data-testid={props.testId}>
      <CardHeader>
        <CardTitle>{props.title}</CardTitle>
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent>{props.children}</CardContent>
    </Card>
  );
}

function Frame({ label, height = 220, children }: { label: string; height?: number; children: ReactNode }) {
  return (
    <div role="img" aria-label={label} style={{ height }} className="w-full min-w-0">
      <ResponsiveContainer width="100%" height="100%">
        {children as React.ReactElement}
      </ResponsiveContainer>
    </div>
  );
}

const tooltip = (format: (v: number) => string) => (
  <Tooltip
    cursor={{ fill: CHART_COLORS.cursor, stroke: "transparent" }}
    content={(props) => (
      <ChartTooltip
        active={props.active}
        payload={props.payload}
        label={props.label}
        formatValue={format}
        formatLabel={(l) => l}
      />
    )}
  />
);

/**
 * Tasks finished per minute over the last hour: completed and failed stacked.
 * Bars never animate here: the snapshot refetches while events arrive, and an
 * animation per refetch costs frames and shows half-drawn bars.
 */
export const ThroughputChart = memo(function ThroughputChart({ minutes }: { minutes: ConsoleSnapshot["throughput"] }) {
  const completed = minutes.reduce((s, m) => s + m.completed, 0);
  const failed = minutes.reduce((s, m) => s + m.failed, 0);
  const finished = minutes.reduce((s, m) => s + m.finished, 0);
  return (
    <ChartCard
      title="Throughput per minute"
      testId="throughput-chart"
      description={
        <span data-testid="throughput-summary">
          {`${plural(finished, { one: "task", other: "tasks" })} finished in the last hour: `}
          {`${completed} completed, ${failed} failed (UTC minutes).`}
        </span>
      }
    >
      {finished === 0 ? (
        <EmptyState
          icon={<Activity />}
          title="Nothing finished in the last hour"
          description="Runs count here as they end."
        />
      ) : (
        <Frame label="Tasks completed and failed per minute, last 60 minutes">
          <BarChart
            data={minutes.map((m) => ({ ...m, x: hhmm(m.minute), other: m.finished - m.completed - m.failed }))}
          >
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="x" tick={AXIS_TICK} tickLine={false} minTickGap={24} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={32} allowDecimals={false} />
            {tooltip((v) => v.toLocaleString("en-US"))}
            <Legend wrapperStyle={LEGEND_STYLE} />
            <Bar
              isAnimationActive={false}
              dataKey="completed"
              name="Completed"
              stackId="t"
              fill={CHART_COLORS.success}
            />
            <Bar isAnimationActive={false} dataKey="failed" name="Failed" stackId="t" fill={CHART_COLORS.destructive} />
            <Bar isAnimationActive={false} dataKey="other" name="Canceled" stackId="t" fill={CHART_COLORS.muted} />
          </BarChart>
        </Frame>
      )}
    </ChartCard>
  );
});

/** Credits captured per hour over the last day, with the budget's even hourly pace as a line. */
export const SpendChart = memo(function SpendChart({ spend }: { spend: ConsoleSnapshot["spend"] }) {
  const pace = spend.hourlyPaceCredits;
  return (
    <ChartCard
      title="Spend per hour"
      testId="spend-hour-chart"
      description={
        <>
          {formatCredits(spend.last24hCredits)} credits charged in the last 24 hours
          {pace !== null
            ? ` · the ${formatCredits(spend.capCredits!)} credit monthly cap paces ${pace.toFixed(1)} an hour`
            : " · no monthly cap set"}
          .
        </>
      }
    >
      {spend.last24hCredits === 0 ? (
        <EmptyState
          icon={<ChartNoAxesColumn />}
          title="No spend in the last 24 hours"
          description="Credits charged for finished runs show here, hour by hour."
        />
      ) : (
        <Frame label="Credits charged per hour, last 24 hours, against the budget's hourly pace">
          <ComposedChart data={spend.perHour.map((h) => ({ x: hhmm(h.hour), credits: h.credits }))}>
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
            <XAxis dataKey="x" tick={AXIS_TICK} tickLine={false} minTickGap={24} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={40} allowDecimals={false} />
            {tooltip((v) => `${formatCredits(v)} credits`)}
            <Bar
              isAnimationActive={false}
              dataKey="credits"
              name="Charged"
              fill={CHART_COLORS.primary}
              radius={[3, 3, 0, 0]}
              maxBarSize={24}
            />
            {pace !== null ? (
              <ReferenceLine
                y={pace}
                ifOverflow="extendDomain"
                stroke={CHART_COLORS.warning}
                strokeDasharray="6 4"
                label={{
                  value: "Budget pace",
                  position: "insideTopRight",
                  fill: "var(--muted-foreground)",
                  fontSize: 11,
                }}
              />
            ) : null}
          </ComposedChart>
        </Frame>
      )}
    </ChartCard>
  );
});

/** p50 and p95 duration of each agent's completed tasks over the last day. */
export const LatencyChart = memo(function LatencyChart({ latency }: { latency: ConsoleSnapshot["latency"] }) {
  const measured = latency.filter((l) => l.p50Ms !== null);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 0)} s`;
  return (
    <ChartCard
      title="Latency per agent"
      testId="latency-chart"
      description="p50 and p95 duration of completed runs in the last 24 hours."
    >
      {measured.length === 0 ? (
        <EmptyState icon={<Timer />} title="No completed runs in the last 24 hours" />
      ) : (
        <Frame label="p50 and p95 task duration per agent, last 24 hours" height={Math.max(160, measured.length * 44)}>
          <BarChart layout="vertical" data={measured.map((l) => ({ x: l.agentName, p50: l.p50Ms, p95: l.p95Ms }))}>
            <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
            <XAxis type="number" tick={AXIS_TICK} tickLine={false} tickFormatter={(v: number) => seconds(v)} />
            <YAxis
              type="category"
              dataKey="x"
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              width={104}
              tickFormatter={(name: string) => (name.length > 16 ? `${name.slice(0, 15)}…` : name)}
            />
            {tooltip(seconds)}
            <Legend wrapperStyle={LEGEND_STYLE} />
            <Bar isAnimationActive={false} dataKey="p50" name="p50" fill={CHART_COLORS.primary} maxBarSize={14} />
            <Bar isAnimationActive={false} dataKey="p95" name="p95" fill={CHART_COLORS.warning} maxBarSize={14} />
          </BarChart>
        </Frame>
      )}
      {measured.length ? (
        <ul className="sr-only" data-testid="latency-list">
          {measured.map((l) => (
            <li key={l.agentId}>
              {l.agentName}: p50 {seconds(l.p50Ms!)}, p95 {seconds(l.p95Ms!)}
            </li>
          ))}
        </ul>
      ) : null}
    </ChartCard>
  );
});
