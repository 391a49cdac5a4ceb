/**
 * Chart colours and type as the app's design tokens (app/globals.css). They
 * are CSS variables, so a chart follows the `.dark` theme, or any theme
 * scope, without re-rendering: SVG fill and stroke accept var().
 */
export const CHART_COLORS = {
  primary: "var(--primary)",
  success: "var(--success)",
  warning: "var(--warning)",
  destructive: "var(--destructive)",
  muted: "var(--muted-foreground)",
  grid: "var(--border)",
  cursor: "var(--muted)",
} as const;

export type ChartColor = keyof typeof CHART_COLORS;

/** Series colours in order, for charts with several series. */
export const SERIES_COLORS: ChartColor[] = ["primary", "success", "warning", "destructive", "muted"];

export const AXIS_TICK = { fill: "var(--muted-foreground)", fontSize: 12 } as const;
