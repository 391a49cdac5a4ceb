"use client";

import type { ReactNode } from "react";
import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cn } from "@/components/ui/cn";
import { AXIS_TICK, CHART_COLORS, type ChartColor } from "./chart-theme";
import { ChartTooltip } from "./chart-tooltip";

export interface BarChartPoint {
  /** The category or day on the x axis (e.g. "2026-11-24"). */
  x: string;
  y: number;
}

export interface BarChartProps {
  data: BarChartPoint[];
  /** What the chart shows, for screen readers (the chart is also summarised as a list below it). */
  label: string;
  color?: ChartColor;
  height?: number;
  formatValue?: (value: number) => string;
  /** Axis tick text; defaults to the raw x value. */
  formatTick?: (x: string) => string;
  /** Tooltip heading; defaults to formatTick. */
  formatLabel?: (x: string) => ReactNode;
  className?: string;
}

/**
 * One series of bars over categories or days, in the app's tokens. The
 * reusable wrapper for every bar chart: responsive width, a fixed height,
 * muted axes, the app's tooltip, and a screen-reader list of the values.
 */
export function BarChart({
  data,
  label,
  color = "primary",
  height = 220,
  formatValue = (value) => value.toLocaleString("en-US"),
  formatTick = (x) => x,
  formatLabel,
  className,
}: BarChartProps) {
  return (
    <figure className={cn("w-full min-w-0", className)} data-testid="bar-chart">
      <div role="img" aria-label={label} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} strokeDasharray="3 3" />
            <XAxis
              dataKey="x"
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={{ stroke: CHART_COLORS.grid }}
              tickFormatter={formatTick}
              minTickGap={16}
            />
            <YAxis
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              width={48}
              allowDecimals={false}
              tickFormatter={(value: number) => formatValue(value)}
            />
            <Tooltip
              cursor={{ fill: CHART_COLORS.cursor, stroke: "transparent" }}
              content={(props) => (
                <ChartTooltip
                  active={props.active}
                  payload={props.payload}
                  label={props.label}
                  formatValue={formatValue}
                  formatLabel={formatLabel ?? formatTick}
                />
              )}
            />
            <Bar dataKey="y" name={label} fill={CHART_COLORS[color]} radius={[3, 3, 0, 0]} maxBarSize={28} />
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">
        <ul>
          {data.map((point) => (
            <li key={point.x}>
              {formatTick(point.x)}: {formatValue(point.y)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
