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

export type DemoBehavior =
  /** Several progress updates, then a markdown report appended in chunks. */
  | { kind: "stream"; steps: string[] }
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
