import "server-only";
import { departmentLabel } from "../org-tree";
import { isMeaningful, lexemeOf, requestTerms } from "../text/lexemes";
import type { FieldKind, StaffEntry, StaffIndex } from "./staff-index";

/**
 * How well each position fits a piece of text, the way the registry's
 * "describe what you need" ranks listings (describe-need.ts): the share of
 * the text's words the position's document covers, each word weighted by
 * its rarity across the staff, so "contract" decides more than "check".
 */

export interface StaffMatch {
  entry: StaffEntry;
  /** 0..1: share of the text's known words (rarity-weighted) the position covers. */
  coverage: number;
  /** The covered words' weight, relative to the rarest word's: how specific the evidence is. */
  evidence: number;
  score: number;
  matchedLexemes: Set<string>;
  /** The requester's meaningful words the position does not cover (known to others or to no one). */
  missing: string[];
  /** The requester's own words that matched, consecutive ones joined ("legal risk"), in their order. */
  matchedTerms: string[];
  /** "Matched 'legal risk' to skill 'Clause check' of Contract Reviewer (Legal)". */
  reason: string;
}

/** A fit: covers a good share of the text, with at least one word that is not everyone's. */
export const MIN_COVERAGE = 0.25;
export const MIN_EVIDENCE = 0.6;
export const isFit = (m: StaffMatch | undefined): m is StaffMatch =>
  !!m && m.coverage >= MIN_COVERAGE && m.evidence >= MIN_EVIDENCE;

const quote = (terms: string[]) => terms.map((t) => `'${t}'`).join(", ");

/** The text's matched words grouped into the phrases the requester wrote (punctuation ends a phrase). */
function phrases(text: string, matched: Set<string>): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let end = 0;
  const flush = () => {
    if (current.length) out.push(current.join(" "));
    current = [];
  };
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (/[^\s'’-]/u.test(text.slice(end, m.index))) flush();
    end = m.index + m[0].length;
    const word = m[0].toLowerCase();
    const lexeme = isMeaningful(word) ? lexemeOf(word) : null;
    if (lexeme && matched.has(lexeme)) current.push(word);
    else flush();
  }
  flush();
  return [...new Set(out)];
}

const PLACES: Record<Exclude<FieldKind, `skill ${string}`>, string> = {
  title: "its title",
  agent: "its agent's name",
  "agent description": "its agent's description",
  instructions: "its standing instructions",
  department: "its department's name",
  mission: "its department's mission",
  "parent department": "its parent department",
};

/** "its title and its department's mission" for the fields (other than skills) holding the lexemes. */
function places(entry: StaffEntry, lexemes: Set<string>): string {
  const kinds = entry.fields
    .filter((f) => !f.skill && [...f.lexemes].some((l) => lexemes.has(l)))
    .map((f) => PLACES[f.kind as keyof typeof PLACES]);
  const unique = [...new Set(kinds)];
  if (unique.includes(PLACES.department) && unique.includes(PLACES.mission)) {
    unique.splice(unique.indexOf(PLACES.mission), 1);
    unique[unique.indexOf(PLACES.department)] = "its department's name and mission";
  }
  if (unique.length === 0) return "its skills";
  // "its title, standing instructions and department's name"
  const [first, ...rest] = unique.map((place, i) => (i === 0 ? place : place.replace(/^its /, "")));
  return rest.length ? `${[first, ...rest.slice(0, -1)].join(", ")} and ${rest.at(-1)}` : first!;
}

/**
 * "Matched 'draft', 'blog post' to skill 'Blog post draft' of Content Writer
 * (Marketing/Content), and 'privacy' to skill 'Headline options'": each
 * matched word is credited to the skill that holds most of the match, then
 * the next, then to the position's other fields.
 */
function explain(
  text: string,
  entry: StaffEntry,
  matched: Set<string>,
  weights: Map<string, number>,
  index: StaffIndex,
) {
  const who = `${entry.position.title} (${departmentLabel(entry.department, index.departments)})`;
  const weightOf = (lexemes: Iterable<string>) => [...lexemes].reduce((sum, l) => sum + (weights.get(l) ?? 0), 0);
  const bySkill = new Map<string, Set<string>>();
  for (const field of entry.fields) {
    if (!field.skill) continue;
    const hits = bySkill.get(field.skill.name) ?? new Set<string>();
    for (const l of field.lexemes) if (matched.has(l)) hits.add(l);
    bySkill.set(field.skill.name, hits);
  }
  const left = new Set(matched);
  const credits: string[] = [];
  for (const [skill, hits] of [...bySkill].sort((a, b) => weightOf(b[1]) - weightOf(a[1]))) {
    const own = new Set([...hits].filter((l) => left.has(l)));
    if (own.size === 0) continue;
    own.forEach((l) => left.delete(l));
    credits.push(`${quote(phrases(text, own))} to skill '${skill}'`);
  }
  if (left.size) credits.push(`${quote(phrases(text, left))} to ${places(entry, left)}`);
  const [first, ...rest] = credits;
  const tail = rest.length ? `, ${[...rest.slice(0, -1), `and ${rest.at(-1)}`].join(", ")}` : "";
  return `Matched ${first} of ${who}${tail}.`;
}

/** Every position of `entries` ranked for the text, best first (positions matching nothing left out). */
export function rankStaff(index: StaffIndex, text: string, entries: StaffEntry[] = index.entries): StaffMatch[] {
  const terms = requestTerms(text);
  const known = [...terms.keys()].filter((l) => index.weights.has(l));
  const total = known.reduce((sum, l) => sum + index.weights.get(l)!, 0);
  if (total === 0) return [];
  const matches: StaffMatch[] = [];
  for (const entry of entries) {
    const matched = new Set(known.filter((l) => entry.strength.has(l)));
    if (matched.size === 0) continue;
    let covered = 0;
    for (const l of matched) covered += index.weights.get(l)! * entry.strength.get(l)!;
    const skillHits = new Set(
      entry.fields.filter((f) => f.skill && [...f.lexemes].some((l) => matched.has(l))).map((f) => f.skill!.name),
    ).size;
    const coverage = covered / total;
    matches.push({
      entry,
      coverage,
      evidence: covered / index.unknownWeight,
      // Coverage decides; among equals, the position with more matching skills.
      score: coverage + 0.01 * skillHits,
      matchedLexemes: matched,
      missing: [...terms].filter(([l]) => !matched.has(l)).map(([, word]) => word),
      matchedTerms: phrases(text, matched),
      reason: explain(text, entry, matched, index.weights, index),
    });
  }
  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      b.evidence - a.evidence ||
      a.entry.position.agent.priceCredits - b.entry.position.agent.priceCredits ||
      a.entry.position.positionId.localeCompare(b.entry.position.positionId),
  );
}
