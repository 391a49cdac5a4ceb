import "server-only";
import { keywords, sentences, truncate, words } from "./text";

/** The three sentences that carry the most of the text's recurring terms, in reading order. */
export function renderSummary(input: string): string {
  const all = sentences(input);
  const top = keywords(input, 8);
  const score = (s: string) => words(s).filter((w) => top.includes(w)).length / Math.sqrt(words(s).length || 1);
  const picked = all
    .map((s, index) => ({ s, index, score: score(s) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 3)
    .sort((a, b) => a.index - b.index);
  return [
    "# Summary",
    "",
    "## Key points",
    ...picked.map(({ s }) => `- ${truncate(s, 220)}`),
    "",
    "## Recurring terms",
    top.length
      ? top
          .slice(0, 5)
          .map((w) => `\`${w}\``)
          .join(", ")
      : "None stand out in a text this short.",
    "",
    `_${words(input).length} words in ${all.length} sentence${all.length === 1 ? "" : "s"}._`,
  ].join("\n");
}

const HEDGES = ["very", "really", "quite", "perhaps", "maybe", "somewhat", "basically", "actually", "just", "arguably"];
const PASSIVE = /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b/i;

/** Sentence-level style findings with the sentence each one comes from. */
export function renderReview(input: string): string {
  const all = sentences(input);
  const findings: string[] = [];
  all.forEach((sentence, i) => {
    const n = i + 1;
    const tokens = words(sentence);
    if (tokens.length > 25) findings.push(`- Sentence ${n} runs to ${tokens.length} words; consider splitting it.`);
    const repeated = tokens.find((w, j) => j > 0 && tokens[j - 1] === w);
    if (repeated) findings.push(`- Sentence ${n} repeats "${repeated}" twice in a row.`);
    const hedges = HEDGES.filter((h) => tokens.includes(h));
    if (hedges.length)
      findings.push(`- Sentence ${n} hedges with ${hedges.map((h) => `"${h}"`).join(", ")}; cut or commit.`);
    const passive = sentence.match(PASSIVE);
    if (passive) findings.push(`- Sentence ${n} uses the passive "${passive[0]}"; name who acts.`);
  });
  const average = all.length ? Math.round(words(input).length / all.length) : 0;
  return [
    "# Editorial review",
    "",
    `${all.length} sentence${all.length === 1 ? "" : "s"}, ${average} words on average.`,
    "",
    "## Findings",
    ...(findings.length ? findings : ["- No long sentences, repeated words, hedging or passive constructions found."]),
    "",
    "## Sentences reviewed",
    ...all.map((s, i) => `${i + 1}. ${truncate(s, 160)}`),
  ].join("\n");
}

/** Numbered translation units, word counts and terms to keep consistent. */
export function renderSegments(input: string): string {
  const units = sentences(input);
  const total = words(input).length;
  const counts = new Map<string, number>();
  for (const unit of units) {
    // Capitalised words that do not open the sentence are usually names and product terms.
    for (const match of unit.slice(1).matchAll(/\b\p{Lu}[\p{L}\p{N}-]+/gu)) {
      counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  }
  const capitalised = [...counts.keys()];
  // Short texts have few names; their most frequent words are the next best candidates.
  const seen = new Set(capitalised.map((t) => t.toLowerCase()));
  const glossary =
    capitalised.length >= 3 ? capitalised : [...capitalised, ...keywords(input, 5).filter((w) => !seen.has(w))];
  return [
    "# Translation package",
    "",
    `**${units.length} translation unit${units.length === 1 ? "" : "s"}, ${total} source words.**`,
    "",
    "| # | Words | Source text |",
    "| --- | --- | --- |",
    ...units.map((u, i) => `| ${i + 1} | ${words(u).length} | ${truncate(u, 140).replace(/\|/g, "\\|")} |`),
    "",
    "## Glossary candidates",
    ...(glossary.length
      ? glossary.slice(0, 10).map((term) => `- ${term}`)
      : ["- No recurring or capitalised terms found."]),
  ].join("\n");
}
