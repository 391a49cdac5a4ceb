import "server-only";
import { ENGLISH_STOP_WORDS, lexemeOf } from "./lexemes";
import { isActionVerb, isStopToken, tokenize, type Token } from "./tokens";

/**
 * What a clause needs from the ones before it, read from its words:
 * - a pronoun standing for an earlier result ("check it", "translate them",
 *   "summarise that for the board") needs the clause just before;
 * - "the results", "the output", "the above" likewise;
 * - a definite noun an earlier clause introduced ("… a blog post. Translate
 *   the post …") needs the latest clause that named it.
 * And the data it talks about: "our Q3 numbers", "last month's sales
 * figures", where another department may hold them.
 */

const PRONOUNS = new Set(["it", "them"]);
const DEMONSTRATIVES = new Set(["this", "that", "these", "those"]);
const RESULT_NOUNS = new Set(["result", "results", "output", "outputs", "findings", "outcome", "above"]);
const DETERMINERS = new Set(["the", "that", "this", "these", "those"]);

/** Whether the clause points at what the clause before it produced. */
export function refersToPrevious(clause: string): boolean {
  const tokens = tokenize(clause).filter((t) => t.isWord);
  return tokens.some((t, i) => {
    // "IT" in capitals is the department ("for IT buyers"), not the pronoun.
    if (PRONOUNS.has(t.lower)) return t.text !== "IT";
    // "this" alone ("translate this into German"), not "this NDA"; "that" as a conjunction is followed by a word.
    if (DEMONSTRATIVES.has(t.lower)) return i > 0 && isStopToken(tokens[i + 1]);
    return DETERMINERS.has(t.lower) && RESULT_NOUNS.has(tokens[i + 1]?.lower ?? "");
  });
}

/**
 * Lexemes of the nouns the clause names as already known: the head of each
 * noun phrase after "the", "that", … ("the post" -> post; "the pricing page"
 * -> page, not pricing).
 */
export function definiteLexemes(clause: string): Set<string> {
  const tokens = tokenize(clause);
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!t.isWord || !DETERMINERS.has(t.lower)) return;
    let head: Token | undefined;
    for (const next of tokens.slice(i + 1, i + 4)) {
      if (!next.isWord || ENGLISH_STOP_WORDS.has(next.lower) || isActionVerb(next)) break;
      head = next;
    }
    const lexeme = head ? lexemeOf(head.lower) : null;
    if (lexeme) out.add(lexeme);
  });
  return out;
}

/** Words naming figures a part may need from whoever keeps them. */
const DATA_HEADS = new Set([
  "numbers",
  "figures",
  "data",
  "dataset",
  "datasets",
  "metrics",
  "statistics",
  "stats",
  "kpis",
  "kpi",
  "financials",
  "revenue",
  "revenues",
  "earnings",
  "spend",
  "spending",
  "costs",
]);
/** Where a data phrase begins: after one of these ("on our Q3 numbers", "with last month's figures"). */
const PHRASE_BOUNDARY = new Set([
  "on",
  "about",
  "of",
  "for",
  "from",
  "with",
  "using",
  "around",
  "behind",
  "covering",
  "in",
  "into",
  "and",
  "to",
  "at",
  "by",
]);

export interface DataReference {
  /** As the requester wrote it: "our Q3 numbers". */
  phrase: string;
  /** The data word's lexeme ("number"). */
  head: string;
}

/**
 * The figures the clause talks about, when it names them as a thing of their
 * own ("a post on our Q3 numbers"), not as a modifier ("a data engineer",
 * "data protection").
 */
export function dataReferences(clause: string): DataReference[] {
  const tokens = tokenize(clause);
  const found: DataReference[] = [];
  tokens.forEach((t, i) => {
    if (!t.isWord || !DATA_HEADS.has(t.lower)) return;
    const next: Token | undefined = tokens[i + 1];
    if (next?.isWord && !ENGLISH_STOP_WORDS.has(next.lower)) return;
    let start = i;
    while (start > 0 && i - start < 4) {
      const before = tokens[start - 1]!;
      if (!before.isWord || PHRASE_BOUNDARY.has(before.lower) || isActionVerb(before)) break;
      start--;
    }
    const head = lexemeOf(t.lower);
    if (head) found.push({ phrase: clause.slice(tokens[start]!.start, t.end), head });
  });
  return found;
}
