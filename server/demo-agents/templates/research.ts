import "server-only";
import { capitalise, keywords, sentences, topicOf, truncate } from "./text";

/**
 * The research analyst's brief, as ordered markdown sections so the stream
 * can deliver it chunk by chunk. It frames the work honestly: what to verify
 * and where, not invented facts.
 */
export function researchBriefSections(input: string): string[] {
  const topic = topicOf(input);
  const terms = keywords(input, 5);
  const focus = terms.length ? terms : ["the market", "buyers", "competitors"];
  const extra = sentences(input).slice(1, 3);
  return [
    `# Research brief: ${topic}\n\n**Question:** ${truncate(input, 300)}\n`,
    [
      "## Scope",
      `- Core themes: ${focus.join(", ")}.`,
      ...extra.map((s) => `- Constraint from the request: ${truncate(s, 160)}`),
      "- Time frame: the last 24 months unless stated otherwise.",
      "",
    ].join("\n"),
    [
      "## Findings to establish",
      ...focus.map(
        (term, i) =>
          `${i + 1}. **${capitalise(term)}**: ` +
          "current figures, direction over the time frame, and where sources disagree.",
      ),
      "",
    ].join("\n"),
    [
      "## Where to look",
      "- Industry and analyst reports for sizing and growth rates.",
      "- Public filings, pricing pages and release notes of the main players.",
      "- Customer reviews and community forums for buying criteria.",
      "",
    ].join("\n"),
    [
      "## Next steps",
      `- Confirm which of ${focus.slice(0, 3).join(", ")} matters most to the decision.`,
      "- Agree the geography and segment before sizing.",
      "- Review the brief and reply on this task to go deeper on any section.",
    ].join("\n"),
  ];
}
