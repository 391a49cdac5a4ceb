import "server-only";
import { at, defineTemplate, edges } from "./define-template";

/** From the incident's timeline, fix and metrics to a postmortem; severe incidents need the owner's review. */
export const incidentPostmortem = defineTemplate({
  id: "incident-postmortem",
  name: "Incident postmortem",
  description:
    "When an incident is resolved, summarises its timeline, reviews the fix and explains the impact metrics in " +
    "parallel, drafts the postmortem, and for a sev1 or sev2 waits for the owner's review before filing it.",
  category: "engineering",
  sampleInput: {
    incidentId: "INC-311",
    title: "Checkout errors after the payments deploy",
    severity: "sev2",
    timeline:
      "14:02 deploy of payments 4.12. 14:09 error rate on checkout rises to 12%. 14:15 on-call paged. " +
      "14:31 rollback started. 14:38 error rate back under 0.5%. Root cause: a missing index made a query time out.",
    fixDiff: "+ CREATE INDEX payments_order_id_idx ON payments(order_id);\n+ it('finds payments by order', ...)",
    metrics: "Checkout error rate peaked at 12%; 1,340 failed checkouts; p95 latency 4.1s against 0.6s normally",
  },
  graph: {
    nodes: [
      { id: "resolved", name: "Incident resolved", type: "trigger", position: at(0, 0), config: { kind: "webhook" } },
      { id: "gather", name: "Gather in parallel", type: "parallel", position: at(0, 1), config: {} },
      {
        id: "timeline",
        name: "Summarise the timeline",
        type: "agent",
        position: at(-1, 2),
        config: {
          target: { kind: "listing", slug: "northwind-incident-scribe" },
          template:
            "{{ input.incidentId }}: {{ input.title }} ({{ input.severity }}).\n\nTimeline:\n{{ input.timeline }}",
        },
      },
      {
        id: "fix_review",
        name: "Review the fix",
        type: "agent",
        position: at(0, 2),
        config: {
          target: { kind: "listing", slug: "northwind-code-reviewer" },
          template: "Review the fix for {{ input.incidentId }}:\n\n{{ input.fixDiff }}",
        },
      },
      {
        id: "impact",
        name: "Explain the impact",
        type: "agent",
        position: at(1, 2),
        config: {
          target: { kind: "listing", slug: "northwind-metrics-explainer" },
          template: "Explain these incident impact metrics for a postmortem: {{ input.metrics }}",
        },
      },
      { id: "gathered", name: "All gathered", type: "join", position: at(0, 3), config: { wait: "all" } },
      {
        id: "draft",
        name: "Draft the postmortem",
        type: "transform",
        position: at(0, 4),
        config: {
          format: "text",
          template:
            "# Postmortem {{ input.incidentId }}: {{ input.title }}\nSeverity: {{ input.severity | upcase }}\n\n" +
            "## What happened\n{{ steps.timeline.output }}\n\n## Impact\n{{ steps.impact.output }}\n\n" +
            "## The fix\n{{ steps.fix_review.output }}",
        },
      },
      {
        id: "severe",
        name: "Sev1 or sev2?",
        type: "condition",
        position: at(0, 5),
        config: { expression: 'input.severity == "sev1" or input.severity == "sev2"' },
      },
      {
        id: "owner_review",
        name: "Owner reviews",
        type: "approval",
        position: at(-1, 6),
        config: {
          approvers: { roles: ["owner"], userIds: [] },
          template: "Review the postmortem before it is filed:\n\n{{ steps.draft.output }}",
          deadlineHours: 24,
          onTimeout: "approve",
        },
      },
      {
        id: "reviewed_postmortem",
        name: "Reviewed postmortem",
        type: "output",
        position: at(-1, 7),
        config: { template: "{{ steps.draft.output }}\n\nReviewed by the owner." },
      },
      {
        id: "filed_postmortem",
        name: "Filed postmortem",
        type: "output",
        position: at(1, 6),
        config: { template: "{{ steps.draft.output }}" },
      },
    ],
    edges: edges(
      ["resolved", "gather"],
      ["gather", "timeline"],
      ["gather", "fix_review"],
      ["gather", "impact"],
      ["timeline", "gathered"],
      ["fix_review", "gathered"],
      ["impact", "gathered"],
      ["gathered", "draft"],
      ["draft", "severe"],
      ["severe", "owner_review", "true"],
      ["owner_review", "reviewed_postmortem"],
      ["severe", "filed_postmortem", "false"],
    ),
    budgetCapCredits: 300,
  },
});
