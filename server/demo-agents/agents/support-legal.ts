import "server-only";
import type { DemoAgentSpec } from "../types";
import { NORTHWIND } from "./provider";

export const SUPPORT_LEGAL_AGENTS: DemoAgentSpec[] = [
  {
    slug: "northwind-intake-coordinator",
    name: "Northwind Intake Coordinator",
    description:
      "Takes a new request, asks the one question it needs to scope it (the date range to cover), then returns a " +
      "scoped intake summary. Demonstrates the input-required turn.",
    categories: ["customer-support"],
    tags: ["intake", "triage", "multi-turn"],
    pricePerTask: 20,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "scope-request",
        name: "Scope a request",
        description:
          "Asks which date range the request covers, then produces an intake summary with the request, the range and " +
          "the next steps.",
        tags: ["intake", "scoping"],
        examples: [
          "Pull together all refund complaints about the Pro plan",
          "Prepare a review of escalated tickets for the EMEA team",
        ],
      },
    ],
    behavior: {
      kind: "input-required",
      question: "Which date range should I cover?",
      template: "summary",
    },
  },
  {
    slug: "northwind-support-triage",
    name: "Northwind Support Triage",
    description:
      "Triages a customer message: checks it against a support triage checklist (account, severity, reproduction, " +
      "billing, security) and notes which items the message already answers.",
    categories: ["customer-support"],
    tags: ["tickets", "triage", "helpdesk"],
    pricePerTask: 10,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "triage-ticket",
        name: "Triage ticket",
        description: "Runs the triage checklist over a customer message and lists what is still missing.",
        tags: ["triage", "tickets"],
        examples: [
          "Customer says: our invoices page errors since yesterday, account 4471, urgent",
          "I was charged twice for my subscription this month",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "checklist",
      checks: [
        { label: "Account or customer identified", keywords: ["account", "customer id", "workspace", "email"] },
        { label: "Symptom or error message described", keywords: ["error", "fails", "broken", "crash", "not working"] },
        { label: "Urgency or business impact stated", keywords: ["urgent", "asap", "blocked", "outage", "impact"] },
        {
          label: "Billing question (route to billing)",
          keywords: ["invoice", "charged", "billing", "payment", "refund"],
        },
        { label: "Access problem (route to identity)", keywords: ["password", "login", "log in", "sso", "locked"] },
        { label: "Steps to reproduce given", keywords: ["steps", "when i", "after i", "since", "every time"] },
      ],
    },
  },
  {
    slug: "northwind-faq-builder",
    name: "Northwind FAQ Builder",
    description:
      "Turns release notes, policies or support macros into an FAQ outline with one section per topic, ready for the " +
      "help centre team to finish.",
    categories: ["customer-support", "writing"],
    tags: ["faq", "help center", "knowledge base"],
    pricePerTask: 30,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "faq-outline",
        name: "FAQ outline",
        description: "Outlines an FAQ page from source text, one section per sentence-level topic.",
        tags: ["faq", "outline"],
        examples: ["Build an FAQ from our new refund policy: <paste policy>", "FAQ outline for the SSO launch notes"],
      },
    ],
    behavior: {
      kind: "persona",
      template: "outline",
      sections: ["What is changing?", "Who is affected?", "What do I need to do?", "Where can I get help?"],
    },
  },
  {
    slug: "northwind-contract-checker",
    name: "Northwind Contract Checker",
    description:
      "Checks a contract excerpt against a clause checklist (term, termination, liability, indemnity, governing law, " +
      "data protection). Demo tip: include the word FAIL or explode in the input to make the task fail and see the " +
      "refund.",
    categories: ["legal-compliance"],
    tags: ["contracts", "clauses", "review"],
    pricePerTask: 150,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "clause-check",
        name: "Clause check",
        description:
          "Reports which standard clauses the excerpt mentions and which are missing. Input containing FAIL or " +
          "explode makes the task fail on purpose (for refund demos).",
        tags: ["contracts", "clauses"],
        examples: [
          "Check this MSA excerpt: term of 24 months, liability capped at fees paid, governed by English law",
          "Review this NDA: <paste text>",
          "FAIL this task so I can see the refund",
        ],
      },
    ],
    behavior: {
      kind: "fail-on-keyword",
      keywords: ["fail", "explode"],
      template: "checklist",
      checks: [
        { label: "Term and renewal", keywords: ["term", "renew", "months", "years"] },
        { label: "Termination rights", keywords: ["terminat", "notice period"] },
        { label: "Limitation of liability", keywords: ["liabil", "cap", "consequential"] },
        { label: "Indemnities", keywords: ["indemn", "hold harmless"] },
        { label: "Governing law and venue", keywords: ["governing law", "governed by", "jurisdiction", "courts of"] },
        { label: "Confidentiality", keywords: ["confidential", "non-disclosure", "nda"] },
        { label: "Data protection", keywords: ["data protection", "personal data", "gdpr", "processor"] },
        { label: "Payment terms", keywords: ["payment", "invoice", "fees", "net 30"] },
      ],
    },
  },
  {
    slug: "northwind-privacy-auditor",
    name: "Northwind Privacy Auditor",
    description:
      "Screens a process or product description against a GDPR-style privacy checklist: lawful basis, retention, " +
      "data subject rights, processors, transfers and breach handling.",
    categories: ["legal-compliance"],
    tags: ["gdpr", "privacy", "dpia"],
    pricePerTask: 90,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "privacy-screen",
        name: "Privacy screen",
        description: "Flags which privacy checklist items the description covers and which need an answer.",
        tags: ["privacy", "gdpr"],
        examples: [
          "We store candidate CVs in a shared drive for 5 years and email them to hiring managers",
          "Screen our new analytics pixel rollout for privacy gaps",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "checklist",
      checks: [
        {
          label: "Lawful basis or consent recorded",
          keywords: ["consent", "lawful basis", "legitimate interest", "contract"],
        },
        { label: "Retention period defined", keywords: ["retain", "retention", "years", "months", "days"] },
        { label: "Deletion and data subject requests", keywords: ["delete", "erasure", "access request", "dsar"] },
        { label: "Processors and vendors listed", keywords: ["processor", "vendor", "third party", "drive", "saas"] },
        { label: "International transfers", keywords: ["transfer", "outside the eu", "us-based", "scc"] },
        { label: "Security controls", keywords: ["encrypt", "access control", "mfa", "permission"] },
        { label: "Breach handling", keywords: ["breach", "incident", "72 hours"] },
      ],
    },
  },
];
