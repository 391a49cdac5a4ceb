import "server-only";
import type { CategorySlug } from "../schemas/categories";

/**
 * How a demo agent behaves when called. Deterministic by design so demos and
 * tests are repeatable; an optional LLM only rewrites the final text.
 */
export type PersonaTemplate =
  /** Key sentences, keywords and counts taken from the input. */
  | "summary"
  /** A sectioned outline built from the input's sentences. */
  | "outline"
  /** The agent's domain checklist, flagged against terms found in the input. */
  | "checklist"
  /** Numbers found in the input with count, sum, mean, min and max. */
  | "stats"
  /** Style findings: long sentences, repeated words, hedging, passive voice. */
  | "review"
  /** Numbered translation units with word counts and glossary candidates. */
  | "segment"
  /** A structured first draft around the input's main topic and keywords. */
  | "draft";

/** One checklist line; it counts as covered when the input mentions any keyword. */
export interface DemoCheck {
  label: string;
  keywords: string[];
}

/** Template inputs shared by every behaviour that ends in a persona-style artifact. */
export interface DemoTemplateOptions {
  template: PersonaTemplate;
  /** Checklist lines (checklist template). */
  checks?: DemoCheck[];
  /** Section headings (outline and draft templates). */
  sections?: string[];
}

/**
 * A seller's agent calling another listing through Bureau's gateway with the
 * delegation grant of its task: the request's reading material (what follows
 * its first paragraph) goes to `slug` for a summary, which joins the answer.
 */
export interface DemoDelegation {
  /** The listing's slug on Bureau's gateway. */
  slug: string;
  /** Its name, for the progress update. */
  name: string;
  /** Material shorter than this many words is read by the agent itself. */
  minWords: number;
}

export type DemoBehavior =
  /** Several progress updates, then a markdown report appended in chunks; material goes to `delegate` first. */
  | { kind: "stream"; steps: string[]; delegate?: DemoDelegation }
  /** Asks `question` first; finishes when the caller answers on the same task. */
  | ({ kind: "input-required"; question: string } & DemoTemplateOptions)
  /** Fails when the input contains one of `keywords` (case-insensitive). */
  | ({ kind: "fail-on-keyword"; keywords: string[] } & DemoTemplateOptions)
  /** A short working status, then one artifact built by `template`. */
  | ({ kind: "persona" } & DemoTemplateOptions);

export interface DemoAgentSkillSpec {
  id: string;
  name: string;
  description: string;
  tags: string[];
  examples: string[];
  inputModes?: string[];
  outputModes?: string[];
}

export interface DemoAgentSpec {
  /** Unique, URL-safe; the agent is served at /api/demo-agents/<slug>. */
  slug: string;
  name: string;
  description: string;
  /** The marketplace's category slugs (server/services/registry/categories.ts). */
  categories: CategorySlug[];
  tags: string[];
  /** Integer credits charged per task. */
  pricePerTask: number;
  streaming: boolean;
  provider: { organization: string; url: string };
  skills: DemoAgentSkillSpec[];
  behavior: DemoBehavior;
}
