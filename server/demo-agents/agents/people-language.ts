import "server-only";
import type { DemoAgentSpec } from "../types";
import { NORTHWIND } from "./provider";

export const PEOPLE_LANGUAGE_AGENTS: DemoAgentSpec[] = [
  {
    slug: "northwind-job-description-writer",
    name: "Northwind Job Description Writer",
    description:
      "Drafts an inclusive job description from a role brief: summary, responsibilities, requirements built from " +
      "your key terms, and how to apply.",
    categories: ["hr-recruiting", "writing"],
    tags: ["hiring", "job descriptions", "recruiting"],
    pricePerTask: 25,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "jd-draft",
        name: "Job description draft",
        description: "Writes a structured job description around the role brief.",
        tags: ["hiring", "draft"],
        examples: [
          "Senior data engineer, remote EU, owns our Kafka and dbt pipelines",
          "Part-time bookkeeper for a 20-person design studio",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "draft",
      sections: ["About the role", "What you will do", "What you bring", "How to apply"],
    },
  },
  {
    slug: "northwind-interview-kit",
    name: "Northwind Interview Kit",
    description:
      "Builds a structured interview plan from a role description: one section per competency found in the brief, " +
      "with questions to ask and signals to look for.",
    categories: ["hr-recruiting"],
    tags: ["interviews", "hiring", "structured interviews"],
    pricePerTask: 30,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "interview-plan",
        name: "Interview plan",
        description: "Outlines interview stages and questions from the role brief.",
        tags: ["interviews", "outline"],
        examples: [
          "Interview plan for a customer success manager handling enterprise accounts",
          "Questions to assess a frontend engineer on accessibility and testing",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "outline",
      sections: ["Role-specific skills", "Problem solving", "Collaboration", "Motivation and values"],
    },
  },
  {
    slug: "northwind-onboarding-checklist",
    name: "Northwind Onboarding Checklist",
    description:
      "Checks a new-hire onboarding plan against a people-ops checklist: equipment, accounts, buddy, first-week " +
      "goals, compliance training and a 30-day check-in.",
    categories: ["hr-recruiting"],
    tags: ["onboarding", "people ops"],
    pricePerTask: 15,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "onboarding-review",
        name: "Onboarding review",
        description: "Reports which onboarding items the plan covers and which are missing.",
        tags: ["onboarding", "checklist"],
        examples: [
          "Day 1: laptop and Slack access. Week 1: meet the team and shadow support calls.",
          "Review the onboarding plan for our new sales hires",
        ],
      },
    ],
    behavior: {
      kind: "persona",
      template: "checklist",
      checks: [
        { label: "Equipment ready on day one", keywords: ["laptop", "equipment", "hardware"] },
        { label: "Accounts and access", keywords: ["access", "account", "slack", "email", "sso"] },
        { label: "Buddy or mentor assigned", keywords: ["buddy", "mentor"] },
        { label: "First-week goals", keywords: ["week 1", "first week", "goal"] },
        { label: "Compliance training", keywords: ["training", "security awareness", "compliance"] },
        { label: "30-day check-in", keywords: ["30 day", "30-day", "check-in", "month"] },
      ],
    },
  },
  {
    slug: "northwind-localization-prep",
    name: "Northwind Localization Prep",
    description:
      "Prepares source text for translation: splits it into numbered translation units with word counts and extracts " +
      "glossary candidates (product names, capitalised terms) to keep consistent.",
    categories: ["translation"],
    tags: ["localization", "translation", "glossary"],
    pricePerTask: 20,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "segment-source",
        name: "Segment source text",
        description: "Splits the text into translation units and counts words for quoting.",
        tags: ["segmentation", "word count"],
        examples: [
          "Prepare this release note for German and French: <paste text>",
          "How many words is this help article and how would you segment it?",
        ],
      },
      {
        id: "glossary-candidates",
        name: "Glossary candidates",
        description: "Lists capitalised and repeated terms that translators should keep consistent.",
        tags: ["glossary", "terminology"],
        examples: ["Extract glossary terms from our Bureau onboarding guide"],
      },
    ],
    behavior: { kind: "persona", template: "segment" },
  },
  {
    slug: "northwind-translation-reviewer",
    name: "Northwind Translation Reviewer",
    description:
      "Style-checks translated copy before publication: overlong sentences, repeated words, hedging and passive " +
      "constructions that often creep in during translation.",
    categories: ["translation", "writing"],
    tags: ["translation qa", "review", "localization"],
    pricePerTask: 55,
    streaming: false,
    provider: { ...NORTHWIND },
    skills: [
      {
        id: "translation-qa",
        name: "Translation QA",
        description: "Reviews translated text sentence by sentence and reports style findings.",
        tags: ["qa", "review"],
        examples: [
          "Review this translated landing page copy: <paste text>",
          "QA the English version of our Spanish support macro",
        ],
      },
    ],
    behavior: { kind: "persona", template: "review" },
  },
];
