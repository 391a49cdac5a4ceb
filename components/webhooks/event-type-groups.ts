import { ORG_EVENT_TYPES, type OrgEventType } from "@/server/schemas/org-events";

const DOMAIN_LABELS: Record<string, string> = {
  task: "Tasks",
  credits: "Credits",
  budget: "Budgets",
  api_key: "API keys",
  member: "Members",
  listing: "Listings",
  department: "Departments",
  position: "Positions",
  workflow: "Workflows",
  workflow_run: "Workflow runs",
  approval: "Approvals",
  knowledge: "Knowledge",
  payout: "Payouts",
  earnings: "Earnings",
  workflow_step: "Workflow steps",
};

/** The catalogue's event types grouped by domain (the part before the dot), in catalogue order. */
export const EVENT_TYPE_GROUPS: { domain: string; label: string; types: OrgEventType[] }[] = (() => {
  const groups = new Map<string, OrgEventType[]>();
  for (const type of ORG_EVENT_TYPES) {
    const domain = type.split(".")[0]!;
    groups.set(domain, [...(groups.get(domain) ?? []), type]);
  }
  return [...groups].map(([domain, types]) => ({ domain, label: DOMAIN_LABELS[domain] ?? domain, types }));
})();

export function describeEventTypes(types: string[]): string {
  if (types.length === 0) return "All events";
  if (types.length <= 3) return types.join(", ");
  return `${types.slice(0, 2).join(", ")} and ${types.length - 2} more`;
}
