import "server-only";
import { FILLER_WORDS } from "../../../registry/need-words";
import { queryWords } from "../../../registry/search-terms";
import { stemEnglish } from "./stem-english";

/**
 * Words to lexemes the way Postgres' `english` configuration makes them (its
 * stop words, then the Snowball stemmer), so the manager matches a request
 * to staff skills on the same terms the registry matches a need to listings.
 * One addition: British -ise/-yse spellings are read as -ize/-yze first
 * ("summarise" and "summarize" are one lexeme); the same rule runs on both
 * sides, so it can only join a pair of spellings, never split a match.
 */

/** Postgres' english.stop (the Snowball list), as to_tsvector drops them. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers " +
    "herself it its itself they them their theirs themselves what which who whom this that these those am is are " +
    "was were be been being have has had having do does did doing a an the and but if or because as until while of " +
    "at by for with about against between into through during before after above below to from up down in out on " +
    "off over under again further then once here there when where why how all any both each few more most other " +
    "some such no nor not only own same so than too very s t can will just don should now"
  ).split(" "),
);

/** Words that only say "a request" or "a task" in a request to a company, on top of the registry's filler. */
const MANAGER_FILLER = new Set([
  ...FILLER_WORDS,
  "thing",
  "things",
  "stuff",
  "task",
  "tasks",
  "request",
  "anything",
  "everything",
  "whatever",
  "hi",
  "hello",
  "hey",
  "thanks",
  "thank",
  "ok",
  "okay",
  "us",
  "me",
  "let",
  "go",
  "ahead",
  "kindly",
  "quickly",
  "asap",
]);

const BRITISH = /(?<=[a-z]{3})(is|ys)(e|es|ed|ing|er|ers|ation|ations)$/;

/** The lexeme of one lower-case word, or null for a stop word. */
export function lexemeOf(word: string): string | null {
  if (ENGLISH_STOP_WORDS.has(word)) return null;
  if (/\d/.test(word)) return word;
  return stemEnglish(word.replace(BRITISH, (_, s: string, ending: string) => `${s[0]}z${ending}`));
}

/** The text's words (letters and digits, lower case), as the registry's search reads them. */
export const wordsOf = (text: string): string[] => queryWords(text, 100_000);

/** The text's distinct lexemes. */
export function lexemesOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of wordsOf(text)) {
    const lexeme = lexemeOf(word);
    if (lexeme) out.add(lexeme);
  }
  return out;
}

/** Whether a word says something about the work (not a stop word, not a way of asking). */
export const isMeaningful = (word: string): boolean =>
  !ENGLISH_STOP_WORDS.has(word) && !MANAGER_FILLER.has(word) && word.length > 1;

/**
 * The request's meaningful lexemes, each mapped to the first word the
 * requester typed for it, so reasons quote their own words.
 */
export function requestTerms(text: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const word of wordsOf(text)) {
    if (!isMeaningful(word)) continue;
    const lexeme = lexemeOf(word);
    if (lexeme && !terms.has(lexeme)) terms.set(lexeme, word);
  }
  return terms;
}
