import "server-only";
import { formatNumber, numbers } from "./text";

interface Stats {
  count: number;
  sum: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  stdev: number;
}

export function describe(values: number[]): Stats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = sum / values.length;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const stdev = Math.sqrt(values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / values.length);
  return { count: values.length, sum, mean, median, min: sorted[0]!, max: sorted[sorted.length - 1]!, stdev };
}

function trend(values: number[]): string {
  if (values.length < 4) return "Too few values to read a trend.";
  const half = Math.floor(values.length / 2);
  const first = describe(values.slice(0, half))!.mean;
  const second = describe(values.slice(values.length - half))!.mean;
  if (first === 0) return "The first half averages zero, so no relative trend can be computed.";
  const change = ((second - first) / Math.abs(first)) * 100;
  if (Math.abs(change) < 5)
    return `Roughly flat: the second half averages within 5% of the first (${change.toFixed(1)}%).`;
  return (
    `${change > 0 ? "Rising" : "Falling"}: the second half averages ${Math.abs(change).toFixed(1)}% ` +
    `${change > 0 ? "above" : "below"} the first.`
  );
}

/** Descriptive statistics over every number in the input, in input order. */
export function renderStats(input: string): string {
  const values = numbers(input);
  const stats = describe(values);
  if (!stats) {
    return [
      "# Figures",
      "",
      "No figures found in the input. Paste the values to analyse, for example `120, 134, 98, 160`.",
    ].join("\n");
  }
  // Values more than 1.5 standard deviations from the mean are worth a second look.
  const outliers = stats.stdev > 0 ? values.filter((v) => Math.abs(v - stats.mean) / stats.stdev > 1.5) : [];
  const row = (label: string, value: number) => `| ${label} | ${formatNumber(value)} |`;
  return [
    "# Figures",
    "",
    "| Measure | Value |",
    "| --- | --- |",
    row("Count", stats.count),
    row("Sum", stats.sum),
    row("Mean", stats.mean),
    row("Median", stats.median),
    row("Min", stats.min),
    row("Max", stats.max),
    row("Standard deviation", stats.stdev),
    "",
    "## Reading",
    `- ${trend(values)}`,
    outliers.length
      ? `- Stand-out values: ${outliers.map(formatNumber).join(", ")} ` +
        "(more than 1.5 standard deviations from the mean)."
      : "- No value sits more than 1.5 standard deviations from the mean.",
    `- Values in input order: ${values.map(formatNumber).join(", ")}.`,
  ].join("\n");
}
