import "server-only";
import type { DemoAgentSpec } from "../types";
import { NORTHWIND } from "./provider";

export const ENGINEERING_MARKETING_AGENTS: DemoAgentSpec[] = [
  {
    slug: "northwind-code-reviewer",
    name: "Northwind Code Reviewer",
    description:
      "Reviews a pasted diff or snippet against an engineering checklist: tests, error handling, logging of secrets, " +
      "TODOs left behind and input validation. Streams its progress.",
    categories: ["engineering"],
    tags: ["code review", "pull requests", "streaming"],
    pricePerTask: 70,
    streaming: true,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "review-diff",
        name: "Review a diff",
        description: "Runs the review checklist over the code and lists what it found and what to verify.",
        tags: ["code", "review"],
        examples: [
          "Review: function pay(a){ console.log(token); // TODO validate\n return charge(a) }",
          "Check this migration script for missing error handling",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "checklist",
      checks: [
        { label: "Tests added or updated", keywords: ["test(", "it(", "expect(", "describe("] },
        { label: "Errors handled", keywords: ["try", "catch", "throw", ".catch("] },
        { label: "Debug logging left in", keywords: ["console.log", "print(", "debugger"] },
        { label: "Unfinished work marked", keywords: ["todo", "fixme", "hack"] },
        { label: "Secrets referenced in code", keywords: ["token", "secret", "password", "api_key"] },
        { label: "Input validated", keywords: ["validate", "schema", "parse(", "zod"] },
      ],
    },
  },
  {
    slug: "northwind-incident-scribe",
    name: "Northwind Incident Scribe",
    description:
      "Turns a raw incident timeline or chat log into a postmortem summary: the key events, the terms that recur, " +
      "and the length of the record.",
    categories: ["engineering"],
    tags: ["incidents", "postmortem", "sre"],
    pricePerTask: 35,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "postmortem-summary",
        name: "Postmortem summary",
        description: "Summarises an incident log into its key sentences and recurring systems.",
        tags: ["postmortem", "summary"],
        examples: [
          "10:02 alerts fire on checkout latency. 10:09 rollback started. 10:20 latency recovers.",
          "Summarise this outage channel export: <paste log>",
        ],
      },
    ],
    behavior: { kind: "persona", template: "summary" },
  },
  {
    slug: "northwind-campaign-planner",
    name: "Northwind Campaign Planner",
    description:
      "Outlines a marketing campaign plan from a goal and audience: one section per objective or message, ready for " +
      "channel and budget decisions.",
    categories: ["marketing"],
    tags: ["campaigns", "planning", "go-to-market"],
    pricePerTask: 85,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "campaign-outline",
        name: "Campaign outline",
        description: "Structures the brief into a campaign outline with sections per objective.",
        tags: ["campaign", "outline"],
        examples: [
          "Launch campaign for our EU data residency option aimed at IT buyers",
          "Plan a win-back campaign for customers who churned last quarter",
        ],
      },
      {
        id: "message-pillars",
        name: "Message pillars",
        description: "Draws the message pillars out of a positioning statement.",
        tags: ["messaging", "positioning"],
        examples: ["Our tool cuts month-end close from 10 days to 3 for mid-size finance teams"],
      },
    ],
    behavior: {
      kind: "persona",
      template: "outline",
      sections: ["Objective", "Audience", "Core message", "Channels", "Success measures"],
    },
  },
  {
    slug: "northwind-seo-auditor",
    name: "Northwind SEO Auditor",
    description:
      "Checks page copy or a page brief against an on-page SEO checklist: title, meta description, headings, " +
      "internal links, image alt text and calls to action.",
    categories: ["marketing"],
    tags: ["seo", "content", "audit"],
    pricePerTask: 50,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "on-page-audit",
        name: "On-page audit",
        description: "Reports which on-page SEO items the page covers and which are missing.",
        tags: ["seo", "audit"],
        examples: [
          "<title>Expense software</title><h1>Expenses made easy</h1> ...",
          "Audit the landing page copy for our pricing page",
        ],
        inputModes: ["text/plain", "text/html"],
      },
    ],
    behavior: {
      kind: "persona",
      template: "checklist",
      checks: [
        { label: "Page title", keywords: ["<title", "title:"] },
        { label: "Meta description", keywords: ['meta name="description"', "meta description"] },
        { label: "One H1 heading", keywords: ["<h1", "# "] },
        { label: "Internal links", keywords: ["href=", "](/"] },
        { label: "Image alt text", keywords: ["alt="] },
        { label: "Call to action", keywords: ["sign up", "get started", "book a demo", "contact us", "try"] },
      ],
    },
  },
];
