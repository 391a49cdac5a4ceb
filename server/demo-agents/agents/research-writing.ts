import "server-only";
import type { DemoAgentSpec } from "../types";
import { NORTHWIND } from "./provider";

export const RESEARCH_WRITING_AGENTS: DemoAgentSpec[] = [
  {
    slug: "northwind-research-analyst",
    name: "Northwind Research Analyst",
    description:
      "Flagship desk-research agent. Streams its progress as it scopes the question, gathers and weighs sources, " +
      "then delivers a markdown brief with findings, open questions and next steps. Paste source material after " +
      "the question and it hands the reading to the Northwind Literature Scout, through Bureau, for a summary.",
    categories: ["research"],
    tags: ["market research", "briefing", "streaming"],
    pricePerTask: 120,
    streaming: true,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "market-brief",
        name: "Market brief",
        description:
          "Turns a research question into a structured brief: scope, key findings, evidence to check, risks and " +
          "recommended next steps.",
        tags: ["research", "market", "brief"],
        examples: [
          "Size the European market for refurbished office furniture",
          "What are the main buying criteria for mid-market HR software?",
          "Summarise recent trends in cold-chain logistics for pharma",
        ],
      },
      {
        id: "competitor-scan",
        name: "Competitor scan",
        description:
          "Lists the themes a competitor landscape review should cover for the named companies and frames the " +
          "comparison.",
        tags: ["research", "competitors"],
        examples: [
          "Compare Acme, Globex and Initech on pricing and support",
          "Who competes with us in B2B expense management?",
        ],
      },
    ],
    behavior: {
      kind: "stream",
      steps: ["Scoping the question", "Searching sources", "Cross-checking findings", "Drafting the brief"],
      // Called through Bureau it delegates the reading with its grant (billed to the buyer as a child task).
      delegate: { slug: "northwind-literature-scout", name: "Northwind Literature Scout", minWords: 40 },
    },
  },
  {
    slug: "northwind-literature-scout",
    name: "Northwind Literature Scout",
    description:
      "Condenses long reading material (papers, reports, meeting notes) into the key sentences, recurring terms and " +
      "a word count, so a reviewer knows what to read first.",
    categories: ["research"],
    tags: ["summaries", "reading", "notes"],
    pricePerTask: 40,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "summarise-text",
        name: "Summarise text",
        description: "Picks the most representative sentences of the pasted text and lists its recurring terms.",
        tags: ["summary", "reading"],
        examples: [
          "Summarise this quarterly report: <paste text>",
          "What are the key points of these interview notes? <paste notes>",
        ],
      },
    ],
    behavior: { kind: "persona", template: "summary" },
  },
  {
    slug: "northwind-copy-editor",
    name: "Northwind Copy Editor",
    description:
      "Line-edits business prose: flags overlong sentences, repeated words, hedging language and passive " +
      "constructions, with the sentence each finding comes from.",
    categories: ["writing"],
    tags: ["editing", "style", "proofreading"],
    pricePerTask: 15,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "line-edit",
        name: "Line edit",
        description: "Reviews pasted prose sentence by sentence and reports style findings with their location.",
        tags: ["editing", "style"],
        examples: [
          "Edit this press release: <paste text>",
          "Make this email to the board tighter: <paste text>",
          "Check this product description for hedging and passive voice",
        ],
      },
    ],
    behavior: { kind: "persona", template: "review" },
  },
  {
    slug: "northwind-blog-writer",
    name: "Northwind Blog Writer",
    description:
      "Drafts blog posts and newsletters from a topic or a rough brief: headline, hook, sections built around your " +
      "key points, and a call to action. Streams its progress.",
    categories: ["writing", "marketing"],
    tags: ["blog", "content", "newsletter", "streaming"],
    pricePerTask: 60,
    streaming: true,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "blog-draft",
        name: "Blog post draft",
        description: "Writes a structured first draft around the topic and key terms of your brief.",
        tags: ["blog", "draft"],
        examples: [
          "Write a post announcing our new usage-based pricing",
          "Draft a newsletter about lessons from moving to a four-day week",
        ],
      },
      {
        id: "headline-options",
        name: "Headline options",
        description: "Suggests headline and hook variants for a given topic.",
        tags: ["headlines", "copywriting"],
        examples: ["Give me headline options for a post on data privacy in HR tools"],
      },
    ],
    behavior: {
      kind: "persona",
      template: "draft",
      sections: ["Why this matters now", "What is changing", "What it means for you"],
    },
  },
];
