import "server-only";
import { at, defineTemplate, edges } from "./define-template";

/** On the 2nd of each month: reconcile, analyse and forecast in parallel, then a memo the owner signs off. */
export const monthlyCloseMemo = defineTemplate({
  id: "monthly-close-memo",
  name: "Monthly close memo",
  description:
    "Every month, reconciles the invoice lines, describes the month's figures and reviews the forecast in " +
    "parallel, assembles a close memo from the three, and asks the owner to sign it off.",
  category: "finance",
  sampleInput: {
    month: "October 2026",
    invoices: "INV-1041 1200.00; INV-1042 349.50; INV-1043 349.50; credit note CN-88 -120.00",
    figures: "Revenue 48200, cost of sales 19100, payroll 17400, marketing 3900, other 2100",
    forecast: "Q4 plan: revenue 150000, costs 118000; October actual revenue 48200 against 50000 planned",
  },
  graph: {
    nodes: [
      {
        id: "monthly",
        name: "2nd of the month, 07:00",
        type: "trigger",
        position: at(0, 0),
        config: {
          kind: "schedule",
          cron: "0 7 2 * *",
          timeZone: "Europe/London",
          input: { month: "last month", invoices: "", figures: "", forecast: "" },
        },
      },
      { id: "fan_out", name: "Work in parallel", type: "parallel", position: at(0, 1), config: {} },
      {
        id: "reconcile",
        name: "Reconcile invoices",
        type: "agent",
        position: at(-1, 2),
        config: {
          target: { kind: "listing", slug: "northwind-invoice-reconciler" },
          template: "Total and reconcile the invoice lines for {{ input.month }}: {{ input.invoices }}",
        },
      },
      {
        id: "figures",
        name: "Describe the figures",
        type: "agent",
        position: at(0, 2),
        config: {
          target: { kind: "listing", slug: "northwind-data-analyst" },
          template: "Describe the {{ input.month }} figures: {{ input.figures }}",
        },
      },
      {
        id: "forecast",
        name: "Review the forecast",
        type: "agent",
        position: at(1, 2),
        config: {
          target: { kind: "listing", slug: "northwind-budget-forecaster" },
          template: "Review the forecast and the variance for {{ input.month }}: {{ input.forecast }}",
        },
      },
      { id: "all_done", name: "All three done", type: "join", position: at(0, 3), config: { wait: "all" } },
      {
        id: "memo",
        name: "Assemble the memo",
        type: "transform",
        position: at(0, 4),
        config: {
          format: "text",
          template:
            "# Close memo: {{ input.month }}\n\n## Invoices\n{{ steps.reconcile.output }}\n\n" +
            "## The month in figures\n{{ steps.figures.output }}\n\n" +
            "## Forecast and variance\n{{ steps.forecast.output }}",
        },
      },
      {
        id: "sign_off",
        name: "Owner signs off",
        type: "approval",
        position: at(0, 5),
        config: {
          approvers: { roles: ["owner"], userIds: [] },
          template: "Sign off the {{ input.month }} close memo:\n\n{{ steps.memo.output }}",
          deadlineHours: 120,
          onTimeout: "reject",
        },
      },
      {
        id: "close_memo",
        name: "Close memo",
        type: "output",
        position: at(0, 6),
        config: { template: "{{ steps.memo.output }}" },
      },
    ],
    edges: edges(
      ["monthly", "fan_out"],
      ["fan_out", "reconcile"],
      ["fan_out", "figures"],
      ["fan_out", "forecast"],
      ["reconcile", "all_done"],
      ["figures", "all_done"],
      ["forecast", "all_done"],
      ["all_done", "memo"],
      ["memo", "sign_off"],
      ["sign_off", "close_memo"],
    ),
    budgetCapCredits: null,
  },
});
