import "server-only";
import { isMeaningful, wordsOf } from "./lexemes";
import { isActionVerb, tokenize, type Token } from "./tokens";

/**
 * A request cut into the pieces of work it names: list items, then
 * sentences, then clauses joined by ";", "then", "and then", "and also" or
 * "and"/"," followed by a verb ("… our Q3 numbers and check it for legal
 * risk"). A piece too small to stand alone ("Summarise and translate this")
 * stays with its neighbour, and a short request stays whole.
 */

/** How a clause was joined to the one before: "then" runs after it, "also" beside it, null: the text decides. */
export type Connector = "then" | "also" | null;

export interface Clause {
  /** The piece of work as its position will read it (a list's lead-in in front: "For the Q3 launch: …"). */
  text: string;
  /** The clause's own words, without a lead-in: what matching and references read. */
  core: string;
  connector: Connector;
}

/** Requests with fewer meaningful words than this are one piece of work. */
const MIN_WORDS_TO_SPLIT = 4;
/** A clause with fewer meaningful words than this joins its neighbour. */
const MIN_CLAUSE_WORDS = 2;

const SEQUENCE_OPENERS = [["after", "that"], ["afterwards"], ["then"], ["next"], ["finally"], ["once", "done"]];
const PARALLEL_OPENERS = [
  ["also"],
  ["additionally"],
  ["separately"],
  ["meanwhile"],
  ["in", "addition"],
  ["in", "parallel"],
  ["at", "the", "same", "time"],
];
const LIST_ITEM = /^\s*(?:[-*•]|\d{1,2}[.)]|[a-z][.)])\s+(.+)$/i;
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|inc|ltd|approx|no|fig|co|corp)\.$/i;

export const meaningfulCount = (text: string) => wordsOf(text).filter(isMeaningful).length;

const tidy = (text: string) => {
  const t = text.trim().replace(/^[,;:\s]+|[,;:\s]+$/g, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
};

interface Block {
  text: string;
  lead: string;
}

/** Paragraph lines and list items; a list's lead-in ("For the Q3 launch:") goes with each item. */
function blocks(request: string): Block[] {
  const out: Block[] = [];
  let lead = "";
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) out.push({ text: paragraph.join(" "), lead: "" });
    paragraph = [];
  };
  for (const line of request.split(/\r?\n/)) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length && /:\s*$/.test(paragraph[paragraph.length - 1]!)) {
        lead = paragraph.pop()!.replace(/:\s*$/, "");
      }
      flush();
      out.push({ text: item[1]!, lead: meaningfulCount(lead) ? lead : "" });
    } else if (line.trim()) {
      paragraph.push(line.trim());
    } else {
      flush();
      lead = "";
    }
  }
  flush();
  return out;
}

function sentences(block: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of block.matchAll(/[.!?]+\s+(?=["'(\p{Lu}\p{N}])/gu)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(block.slice(start, end))) continue;
    out.push(block.slice(start, end));
    start = m.index + m[0].length;
  }
  out.push(block.slice(start));
  return out.map((s) => s.trim().replace(/[.!?]+$/, "")).filter(Boolean);
}

function opener(tokens: Token[]): { connector: Connector; length: number } {
  const starts = (words: string[]) => words.every((w, i) => tokens[i]?.lower === w);
  const sequence = SEQUENCE_OPENERS.find(starts);
  if (sequence) return { connector: "then", length: sequence.length };
  const parallel = PARALLEL_OPENERS.find(starts);
  return parallel ? { connector: "also", length: parallel.length } : { connector: null, length: 0 };
}

interface Span {
  start: number;
  end: number;
  connector: Connector;
}

/** Where a sentence's clauses start and end, before small ones are merged. */
function clauseSpans(sentence: string): Span[] {
  const tokens = tokenize(sentence);
  const first = opener(tokens);
  let from = first.length ? (tokens[first.length]?.start ?? sentence.length) : 0;
  const spans: Span[] = [];
  let connector = first.connector;
  for (let i = first.length; i < tokens.length; i++) {
    const t = tokens[i]!;
    const joiner = t.text === "," || t.text === ";" || t.lower === "and" || t.lower === "then";
    if (!joiner || i === first.length) continue;
    let j = i + 1;
    let next: Connector = t.lower === "then" ? "then" : null;
    while (["and", "then", "also", "please"].includes(tokens[j]?.lower ?? "")) {
      if (tokens[j]!.lower === "then") next = "then";
      if (tokens[j]!.lower === "also") next = "also";
      j++;
    }
    // ";" and "then" start a new piece whatever follows; "and" and "," only before a verb.
    if (t.text !== ";" && next !== "then" && !isActionVerb(tokens[j])) continue;
    spans.push({ start: from, end: t.start, connector });
    from = tokens[j]?.start ?? sentence.length;
    connector = next;
    i = j - 1;
  }
  spans.push({ start: from, end: sentence.length, connector });
  return spans;
}

function splitSentence(sentence: string, lead: string): Clause[] {
  const spans = clauseSpans(sentence).filter((s) => sentence.slice(s.start, s.end).trim());
  // A clause too small to stand alone joins the one before it (the first joins the next).
  for (let i = 0; i < spans.length && spans.length > 1;) {
    if (meaningfulCount(sentence.slice(spans[i]!.start, spans[i]!.end)) >= MIN_CLAUSE_WORDS) {
      i++;
      continue;
    }
    if (i === 0) spans.splice(0, 2, { ...spans[0]!, end: spans[1]!.end });
    else spans.splice(i - 1, 2, { ...spans[i - 1]!, end: spans[i]!.end });
  }
  return spans.map((s) => {
    const core = tidy(sentence.slice(s.start, s.end));
    return { text: lead ? `${lead}: ${core}` : core, core, connector: s.connector };
  });
}

export function splitRequest(request: string): Clause[] {
  const whole = request.trim();
  const single = [{ text: tidy(whole), core: tidy(whole), connector: null }];
  if (meaningfulCount(whole) < MIN_WORDS_TO_SPLIT) return single;
  const clauses = blocks(whole).flatMap((b) => sentences(b.text).flatMap((s) => splitSentence(s, b.lead)));
  return clauses.length ? mergeSmall(clauses) : single;
}

/**
 * A sentence too small to be work of its own ("Thanks!", or "Legal." as the
 * reply to a question) is dropped when it says nothing, and otherwise read
 * with the clause before it (the first: after it), as a hint to that clause.
 */
function mergeSmall(clauses: Clause[]): Clause[] {
  const kept = clauses.filter((c) => meaningfulCount(c.core) > 0);
  const out: Clause[] = [];
  let pending: Clause | null = null;
  for (const clause of kept) {
    if (meaningfulCount(clause.core) >= MIN_CLAUSE_WORDS || kept.length === 1) {
      out.push(pending ? join(pending, clause) : clause);
      pending = null;
    } else if (out.length) {
      out[out.length - 1] = join(out[out.length - 1]!, clause);
    } else {
      pending = pending ? join(pending, clause) : clause;
    }
  }
  if (pending) out.push(pending);
  return out;
}

const join = (a: Clause, b: Clause): Clause => ({
  text: `${a.text}. ${b.text}`,
  core: `${a.core}. ${b.core}`,
  connector: a.connector,
});
