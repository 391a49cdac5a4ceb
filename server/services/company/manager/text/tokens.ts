import "server-only";
import { ENGLISH_STOP_WORDS } from "./lexemes";

/** A word or a clause mark (, ; :) with where it sits in its text. */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  isWord: boolean;
}

export function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,;:]/gu)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase().replace(/’/g, "'"),
    start: m.index,
    end: m.index + m[0].length,
    isWord: /[\p{L}\p{N}]/u.test(m[0]),
  }));
}

export const isStopToken = (t: Token | undefined) => !t || !t.isWord || ENGLISH_STOP_WORDS.has(t.lower);

/**
 * Verbs a request uses to name a piece of work. "and check it" and ", then
 * translate" start a new part when one of these follows; other words after
 * "and" ("pricing and support") join a list inside one part.
 */
export const ACTION_VERBS: ReadonlySet<string> = new Set([
  "add",
  "adapt",
  "analyse",
  "analyze",
  "announce",
  "answer",
  "assess",
  "audit",
  "benchmark",
  "brief",
  "build",
  "calculate",
  "categorise",
  "categorize",
  "check",
  "classify",
  "collect",
  "compare",
  "compile",
  "compose",
  "compute",
  "confirm",
  "convert",
  "count",
  "create",
  "critique",
  "define",
  "describe",
  "design",
  "develop",
  "draft",
  "edit",
  "email",
  "escalate",
  "estimate",
  "evaluate",
  "explain",
  "extract",
  "fix",
  "flag",
  "forecast",
  "format",
  "gather",
  "generate",
  "hire",
  "identify",
  "improve",
  "interview",
  "investigate",
  "list",
  "localise",
  "localize",
  "map",
  "measure",
  "monitor",
  "onboard",
  "optimise",
  "optimize",
  "organise",
  "organize",
  "outline",
  "plan",
  "polish",
  "prepare",
  "present",
  "prioritise",
  "prioritize",
  "produce",
  "proofread",
  "propose",
  "publish",
  "pull",
  "rank",
  "rate",
  "reconcile",
  "recommend",
  "refine",
  "reply",
  "report",
  "research",
  "resolve",
  "respond",
  "review",
  "rewrite",
  "run",
  "scan",
  "schedule",
  "scope",
  "score",
  "screen",
  "segment",
  "send",
  "share",
  "shorten",
  "simplify",
  "sketch",
  "sort",
  "structure",
  "suggest",
  "summarise",
  "summarize",
  "tally",
  "test",
  "tighten",
  "total",
  "track",
  "translate",
  "triage",
  "turn",
  "update",
  "validate",
  "verify",
  "write",
]);

export const isActionVerb = (t: Token | undefined) => !!t && t.isWord && ACTION_VERBS.has(t.lower);

/** Verbs that say "produce something" without saying what kind of work: the object decides who does it. */
export const GENERIC_VERBS: ReadonlySet<string> = new Set([
  "add",
  "build",
  "compose",
  "create",
  "generate",
  "prepare",
  "produce",
  "run",
  "send",
  "share",
  "turn",
  "update",
  "write",
]);

/** The action verb the clause opens with ("Translate our pricing page …" -> "translate"), if any. */
export function leadingVerb(text: string): string | null {
  const first = tokenize(text).find((t) => t.isWord && !["please", "kindly", "also", "then"].includes(t.lower));
  return first && isActionVerb(first) ? first.lower : null;
}
