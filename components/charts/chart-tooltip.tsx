"use client";

import type { ReactNode } from "react";

interface TooltipEntry {
  value?: unknown;
  color?: string;
  dataKey?: unknown;
  name?: unknown;
}

/**
 * Tooltip body in the app's popover style (tokens, so dark mode applies).
 * `formatValue` and `formatLabel` come from the chart wrapper.
 */
export function ChartTooltip({
  active,
  payload,
  label,
  formatValue,
  formatLabel,
}: {
  active?: boolean;
  payload?: readonly TooltipEntry[];
  label?: string | number;
  formatValue: (value: number) => ReactNode;
  formatLabel: (label: string) => ReactNode;
}) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <div className="font-medium">{formatLabel(String(label ?? ""))}</div>
      {payload.map((entry) => (
        <div key={String(entry.dataKey ?? entry.name)} className="mt-0.5 flex items-center gap-2 tabular-nums">
          <span aria-hidden className="size-2 rounded-xs" style={{ background: entry.color }} />
          {typeof entry.value === "number" ? formatValue(entry.value) : String(entry.value ?? "")}
        </div>
      ))}
    </div>
  );
}
