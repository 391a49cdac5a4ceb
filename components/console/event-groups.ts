import type { OrgEventView } from "@/server/schemas/org-events";

/** The feed's filter groups: each is the catalogue's types with one prefix. */
export const EVENT_GROUPS = [
  { key: "tasks", label: "Tasks", prefix: "task." },
  { key: "credits", label: "Credits", prefix: "credits." },
  { key: "members", label: "Members", prefix: "member." },
  { key: "listings", label: "Listings", prefix: "listing." },
  { key: "keys", label: "API keys", prefix: "api_key." },
  { key: "budgets", label: "Budgets", prefix: "budget." },
] as const;
export type EventGroupKey = (typeof EVENT_GROUPS)[number]["key"];

export function groupOf(type: string): EventGroupKey | null {
  return EVENT_GROUPS.find((g) => type.startsWith(g.prefix))?.key ?? null;
}

/** Whether an event changes what the snapshot shows (in flight, throughput, latency, spend). */
export const movesSnapshot = (event: OrgEventView) =>
  event.type.startsWith("task.") || event.type.startsWith("credits.");

const record = (data: unknown): Record<string, unknown> =>
  data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};

/** One line saying what happened, from the event's data (the catalogue's fields). */
export function summarize(event: OrgEventView): string {
  const d = record(event.data);
  const amount = typeof d.amount === "number" ? `${d.amount.toLocaleString("en-US")} credits` : null;
  switch (event.type) {
    case "task.created":
      return `Task started (${String(d.source ?? "")}, ${String(d.priceCredits ?? 0)} credits)`;
    case "task.state_changed":
      return `${d.from ? `${String(d.from)} → ` : ""}${String(d.to)}${d.message ? `: ${String(d.message)}` : ""}`;
    case "task.artifact":
      return `Artifact ${d.name ? `“${String(d.name)}”` : String(d.artifactId ?? "")}`;
    case "task.settled":
      return `Settled ${String(d.state)}: ${String(d.outcome)} (${String(d.chargedCredits ?? 0)} credits)`;
    case "budget.set":
      return d.to === null ? "Monthly cap removed" : `Monthly cap set to ${String(d.to)} credits`;
    case "budget.threshold_crossed":
      return `${String(d.thresholdPercent)}% of the ${String(d.capCredits)} credit cap reached`;
    default:
      if (amount) return amount;
      if (typeof d.credits === "number") return `${d.credits.toLocaleString("en-US")} credits`;
      if (typeof d.name === "string") return d.name;
      if (typeof d.slug === "string") return d.slug;
      if (typeof d.email === "string") return d.email;
      if (typeof d.role === "string") return d.role;
      return "";
  }
}
