import "server-only";
import type { DemoAgentSpec } from "../types";
import { NORTHWIND } from "./provider";

export const DATA_FINANCE_AGENTS: DemoAgentSpec[] = [
  {
    slug: "northwind-data-analyst",
    name: "Northwind Data Analyst",
    description:
      "Reads the figures in whatever you paste (a CSV excerpt, a table, a paragraph of numbers) and returns " +
      "descriptive statistics with a short interpretation.",
    categories: ["data-analytics"],
    tags: ["statistics", "csv", "analysis"],
    pricePerTask: 80,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "describe-numbers",
        name: "Describe numbers",
        description: "Finds every number in the input and reports count, sum, mean, median, min, max and spread.",
        tags: ["statistics", "descriptive"],
        examples: [
          "Weekly signups: 120, 134, 98, 160, 171, 155",
          "Analyse these order values: 49.90 12.50 230 75 18.25",
        ],
        inputModes: ["text/plain", "text/csv"],
      },
    ],
    behavior: { kind: "persona", template: "stats" },
  },
  {
    slug: "northwind-metrics-explainer",
    name: "Northwind Metrics Explainer",
    description:
      "Outlines a KPI definition document from a plain-language description of a metric: definition, formula inputs, " +
      "data sources, owners and caveats.",
    categories: ["data-analytics"],
    tags: ["kpi", "metrics", "documentation"],
    pricePerTask: 35,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "kpi-outline",
        name: "KPI definition outline",
        description: "Structures a metric description into a reviewable definition document.",
        tags: ["kpi", "definitions"],
        examples: [
          "Net revenue retention: revenue from existing customers this year over last year",
          "Define weekly active users for our mobile app",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "outline",
      sections: ["Definition", "Formula and inputs", "Data sources", "Owner and review cadence", "Caveats"],
    },
  },
  {
    slug: "northwind-invoice-reconciler",
    name: "Northwind Invoice Reconciler",
    description:
      "Totals the amounts in pasted invoice lines or bank statement rows and highlights outliers, so month-end " +
      "reconciliation starts from checked figures.",
    categories: ["finance"],
    tags: ["invoices", "reconciliation", "accounts payable"],
    pricePerTask: 45,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "total-invoices",
        name: "Total invoice lines",
        description:
          "Extracts amounts from invoice lines and reports totals, averages and the largest and smallest items.",
        tags: ["invoices", "totals"],
        examples: [
          "INV-101 1,250.00; INV-102 980.50; INV-103 4,400.00",
          "Reconcile these card charges: 19.99, 240.00, 19.99, 1200",
        ],
        inputModes: ["text/plain", "text/csv"],
      },
    ],
    behavior: { kind: "persona", template: "stats" },
  },
  {
    slug: "northwind-budget-forecaster",
    name: "Northwind Budget Forecaster",
    description:
      "Runs the numbers on a budget line or cost history and lays out a forecasting checklist: drivers, seasonality, " +
      "one-offs and assumptions to confirm.",
    categories: ["finance", "data-analytics"],
    tags: ["budget", "forecast", "fp&a", "streaming"],
    pricePerTask: 110,
    streaming: true,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "forecast-review",
        name: "Forecast review",
        description: "Describes a cost or revenue series and lists the assumptions a forecast must state.",
        tags: ["forecast", "budget"],
        examples: [
          "Monthly cloud spend: 8200, 8900, 9400, 12100, 9800",
          "Review the travel budget: Q1 42000, Q2 38000, Q3 51000",
        ],
      },
      {
        id: "variance-notes",
        name: "Variance notes",
        description: "Explains where actuals depart from the average of the series.",
        tags: ["variance", "budget"],
        examples: ["Actuals vs plan for marketing: 30k, 28k, 45k, 31k"],
      },
    ],
    behavior: { kind: "persona", template: "stats" },
  },
];
