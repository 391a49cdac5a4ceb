import "server-only";
/** Small, dependency-free text helpers the demo templates build on. */

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it " +
    "its just me more most my no not of on or our out over own she should so some such than that the their them then " +
    "there these they this those through to too under up us very was we were what when where which while who " +
    "why will with would you your about after again all also any because before being below between both each " +
    "few further here " +
    "once only other same such until what whom yours please need needs want wants make like get give tell using use " +
    // Instruction verbs say what to do with the text, not what it is about.
    "write draft summarise summarize review check build prepare analyse analyze create help list compare explain " +
    "define extract find pull together paste text"
  ).split(" "),
);

export function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** Sentences (or lines, for lists and logs), trimmed and non-empty. */
export function sentences(text: string): string[] {
  return normalise(text)
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** The most frequent meaningful words, ties broken by first appearance. */
export function keywords(text: string, limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const word of words(text)) {
    if (word.length < 4 || STOPWORDS.has(word) || /^\d/.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([word]) => word);
}

/**
 * Numeric values, with thousands separators. A number glued to a letter or
 * hyphen (INV-101, Q1) is an identifier, not a value, so it is skipped.
 */
export function numbers(text: string): number[] {
  const matches = text.match(/(?<![\p{L}\p{N}.,-])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/gu) ?? [];
  return matches.map((m) => Number(m.replace(/,/g, ""))).filter((n) => Number.isFinite(n));
}

export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A short topic line: the first sentence, cut to a headline length. */
export function topicOf(text: string): string {
  return truncate(sentences(text)[0] ?? "your request", 80).replace(/[.!?]$/, "");
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
