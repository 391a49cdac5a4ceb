import "server-only";
import type { DemoCheck } from "../types";
import { capitalise, keywords, sentences, topicOf, truncate, words } from "./text";

/** Each sentence of the input goes to the section whose heading shares a word with it; the rest are open questions. */
export function renderOutline(input: string, sections: string[]): string {
  const all = sentences(input);
  const used = new Set<number>();
  const terms = keywords(input, 4);
  const blocks = sections.map((heading, index) => {
    const headingWords = words(heading).filter((w) => w.length > 3);
    const matches = all
      .map((s, i) => ({ s, i }))
      .filter(
        ({ s, i }) => !used.has(i) && words(s).some((w) => headingWords.some((h) => w.startsWith(h.slice(0, 5)))),
      );
    // With nothing matching, the section at the same position takes the sentence there, so the brief is spread out.
    const fallback = all[index] !== undefined && !used.has(index) ? [{ s: all[index], i: index }] : [];
    const chosen = (matches.length ? matches : fallback).slice(0, 2);
    chosen.forEach(({ i }) => used.add(i));
    return [
      `## ${index + 1}. ${heading}`,
      ...(chosen.length
        ? chosen.map(({ s }) => `- From the brief: ${truncate(s, 180)}`)
        : [
            `- Not covered by the brief yet${terms.length ? `; relevant terms: ${terms.slice(0, 3).join(", ")}` : ""}.`,
          ]),
    ].join("\n");
  });
  return [
    `# Outline: ${topicOf(input)}`,
    "",
    ...blocks.flatMap((b) => [b, ""]),
    `_Key terms: ${terms.join(", ") || "none"}._`,
  ].join("\n");
}

/**
 * A first-draft skeleton: the brief's sentences fill the sections in order,
 * and a section with nothing to go on says what it still needs rather than
 * inventing facts.
 */
export function renderDraft(input: string, sections: string[]): string {
  const topic = topicOf(input);
  const terms = keywords(input, 6);
  const source = sentences(input);
  const body = sections.map((heading, i) => {
    const text =
      source[i] ??
      `[To write: ${heading.toLowerCase()}${terms[i] ? `, with a concrete example about ${terms[i]}` : ""}.]`;
    return `## ${heading}\n\n${text}`;
  });
  return [
    `# ${capitalise(topic)}`,
    "",
    `_Draft built around: ${terms.join(", ") || "the brief"}._`,
    "",
    ...body.flatMap((b) => [b, ""]),
    "---",
    "**Next step:** reply on this task with the facts, figures and quotes for the sections marked _To write_.",
  ].join("\n");
}

/** The agent's checklist, each line marked covered (with the matching term) or missing. */
export function renderChecklist(input: string, checks: DemoCheck[]): string {
  const haystack = input.toLowerCase();
  const rows = checks.map((check) => ({ check, hit: check.keywords.find((k) => haystack.includes(k.toLowerCase())) }));
  const covered = rows.filter((r) => r.hit !== undefined);
  const missing = rows.filter((r) => r.hit === undefined);
  return [
    `# Checklist review`,
    "",
    `**${covered.length} of ${checks.length} items covered** in: "${truncate(input, 120)}"`,
    "",
    "## Covered",
    ...(covered.length
      ? covered.map((r) => `- [x] ${r.check.label} (mentions "${r.hit}")`)
      : ["- None of the checklist items are mentioned yet."]),
    "",
    "## Missing",
    ...(missing.length ? missing.map((r) => `- [ ] ${r.check.label}`) : ["- Nothing missing."]),
    "",
    missing.length
      ? `**Ask next:** ${missing
          .map((r) => r.check.label.toLowerCase())
          .slice(0, 3)
          .join("; ")}.`
      : "**Ready to proceed.**",
  ].join("\n");
}
