import type { Provenance } from "./knowledge-types";

/** How each source of a fact reads in a sentence ("Saved from an artifact by Ada"). */
export const SOURCE_LABELS: Record<Provenance["source"], string> = {
  MEMBER: "Written",
  ARTIFACT: "Saved from an artifact",
  AGENT: "Reported by an agent",
  API: "Added through the API",
  IMPORT: "Imported",
};

/** "90%" for a confidence of 0.9. */
export const formatConfidence = (confidence: number) => `${Math.round(confidence * 100)}%`;

/** What a revision did, in words. */
export const REVISION_LABELS: Record<string, string> = {
  "entity.created": "created the entity",
  "entity.updated": "edited the entity",
  "entity.archived": "archived the entity",
  "entity.unarchived": "restored the entity",
  "observation.added": "added an observation",
  "observation.retracted": "retracted an observation",
  "relation.added": "added a relation",
  "relation.removed": "removed a relation",
};

/**
 * The query's words in a passage, as pieces to render (matched pieces marked),
 * so the page highlights without injecting HTML. Words shorter than 3
 * letters are not highlighted (they would light up half the text).
 */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])];
  if (words.length === 0) return [{ text, match: false }];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(`(${escaped.join("|")})[\\p{L}\\p{N}]*`, "giu");
  const pieces: { text: string; match: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), match: false });
    pieces.push({ text: m[0], match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), match: false });
  return pieces;
}

/** Who can be named as the writer of a fact, in order of what a reader cares about most. */
export function provenanceActor(p: Provenance): string {
  if (p.source === "AGENT" && p.agent) return p.user ? `${p.agent.name}, accepted by ${p.user.name}` : p.agent.name;
  if (p.user) return p.user.name;
  if (p.apiKey) return `key “${p.apiKey.name}”`;
  if (p.agent) return p.agent.name;
  return "someone";
}
