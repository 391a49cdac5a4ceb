import type { WorkflowNode } from "@/server/schemas/workflow-graph";
import type { ListingOption, WorkflowOption } from "./types";

export type SummaryContext = { listings?: readonly ListingOption[]; workflows?: readonly WorkflowOption[] };

const ROLE_LABEL = { owner: "owners", admin: "admins", member: "members" } as const;

/** "1 h 30 min", "45 s", "2 d": a delay as a person would say it. */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  const units: [number, string][] = [
    [86_400, "d"],
    [3_600, "h"],
    [60, "min"],
    [1, "s"],
  ];
  let rest = Math.max(0, Math.round(seconds));
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) parts.push(`${n} ${unit}`);
    rest -= n * size;
  }
  return parts.join(" ") || "0 s";
}

/** The first non-empty line of a template, or a placeholder. */
function firstLine(text: string, empty: string): string {
  const line = text
    .split("\n")
    .map((l) => l.trim())
    .find(Boolean);
  return line ?? empty;
}

/** One line under the node's name saying what its config does. */
export function summarizeNode(node: WorkflowNode, ctx: SummaryContext = {}): string {
  switch (node.type) {
    case "trigger": {
      const c = node.config;
      if (c.kind === "schedule") return `Schedule ${c.cron || "(no cron)"} · ${c.timeZone}`;
      return { manual: "Started by hand", api: "Started over the API", webhook: "Started by a webhook" }[c.kind];
    }
    case "agent": {
      const t = node.config.target;
      if (t.kind === "listing") {
        const listing = ctx.listings?.find((l) => l.slug === t.slug);
        return listing ? `${listing.name} · ${listing.priceCredits} cr` : t.slug;
      }
      return t.kind === "position" ? `Position ${t.positionId}` : `Department ${t.slug}`;
    }
    case "condition":
      return node.config.expression ? `If ${node.config.expression}` : "No expression yet";
    case "parallel":
      return "Runs its branches at once";
    case "join":
      return node.config.wait === "all" ? "Waits for every branch" : "Goes on at the first branch";
    case "approval": {
      const { approvers, deadlineHours, onTimeout } = node.config;
      const who = [
        ...approvers.roles.map((r) => ROLE_LABEL[r]),
        ...(approvers.userIds.length ? [`${approvers.userIds.length} named`] : []),
      ];
      return `${who.join(", ") || "No approvers"} · ${formatDuration(deadlineHours * 3_600)}, then ${onTimeout}`;
    }
    case "transform":
    case "output":
      return `${node.config.format === "json" ? "JSON" : "Text"}: ${firstLine(node.config.template, "empty template")}`;
    case "loop": {
      const { items, concurrency } = node.config;
      return `Each of ${items || "(no list)"} · ${concurrency} at a time`;
    }
    case "subworkflow":
      return ctx.workflows?.find((w) => w.id === node.config.workflowId)?.name ?? `Workflow ${node.config.workflowId}`;
    case "delay":
      return `Waits ${formatDuration(node.config.seconds)}`;
  }
}
