import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { zPageSize, zText } from "../../schemas/primitives";
import { listingSummaries, type ListingSummary } from "./listing-summary";
import { lexemeWeights, needLexemes } from "./need-terms";

export const ZDescribeNeedSchema = z.object({
  need: zText(1000, "Keep the description under 1,000 characters.").min(3, "Describe the task in a few words."),
  limit: zPageSize({ max: 20, default: 8 }),
});

export interface NeedMatch {
  listing: ListingSummary;
  /** 0..1: share of the need's words this agent's skills cover, rare words counting more. */
  coverage: number;
  score: number;
  reason: { skill: string; matchedTerms: string[]; example: string | null };
}

const CANDIDATES = 40;
/** Skills read per word when gathering partial matches: bounds the work for very common words. */
const PER_WORD = 2000;

/**
 * "Describe what you need": ranks published agents by how much of a
 * free-text need their skills (name, description, tags, examples) cover,
 * each word weighted by its rarity across all skills (IDF), so "invoice"
 * counts for more than "check". Candidates are the listings that contain
 * every word (most used first), topped up with partial matches on the rarest
 * words; each result says which skill matched, on which words, and the
 * closest example.
 */
export async function describeNeed(
  raw: z.input<typeof ZDescribeNeedSchema>,
): Promise<{ terms: string[]; matches: NeedMatch[] }> {
  const { need, limit } = ZDescribeNeedSchema.parse(raw);
  const { all, known: lexemes } = await needLexemes(need);
  if (lexemes.size === 0) return { terms: all, matches: [] };
  const weights = await lexemeWeights([...lexemes.keys()]);
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  const andQuery = [...lexemes.keys()].map((l) => `'${l}'`).join(" & ");
  const rarest = [...weights.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);

  // First agents whose listing covers every word, then partial matches on the rarest words.
  // (Materialised with a bound so the planner cannot walk the popularity index hunting for rare matches.)
  const complete = await db.$queryRaw<{ agentId: string }[]>`
    WITH m AS MATERIALIZED (
      SELECT a.id, a."taskCount" FROM "Agent" a
      WHERE a.status = 'PUBLISHED' AND a."searchVector" @@ to_tsquery('simple', ${andQuery}) LIMIT ${PER_WORD}
    )
    SELECT m.id AS "agentId" FROM m ORDER BY m."taskCount" DESC, m.id LIMIT ${CANDIDATES}`;
  const partial =
    complete.length >= CANDIDATES
      ? []
      : await db.$queryRaw<{ agentId: string }[]>`
    WITH terms AS (
      SELECT * FROM unnest(${rarest.map(([l]) => l)}::text[], ${rarest.map(([, w]) => w)}::float8[])
        AS t(lexeme, weight)
    ),
    hits AS (
      SELECT DISTINCT s."agentId", t.lexeme, t.weight FROM terms t CROSS JOIN LATERAL (
        SELECT s."agentId" FROM "AgentSkill" s
        WHERE s."searchVector" @@ to_tsquery('simple', quote_literal(t.lexeme)) LIMIT ${PER_WORD}
      ) s
    )
    SELECT h."agentId" FROM hits h JOIN "Agent" a ON a.id = h."agentId" AND a.status = 'PUBLISHED'
    GROUP BY h."agentId" ORDER BY sum(h.weight) DESC, h."agentId" LIMIT ${CANDIDATES}`;
  const ids = [...new Set([...complete, ...partial].map((c) => c.agentId))];
  if (ids.length === 0) return { terms: [...lexemes.values()], matches: [] };
  const candidates = ids.map((agentId) => ({ agentId }));

  const skills = await db.$queryRaw<
    { agentId: string; name: string; lexemes: string[]; examples: string[]; exampleLexemes: string[] | null }[]
  >`
    SELECT s."agentId", s.name, tsvector_to_array(s."searchVector") AS lexemes, s.examples,
      (SELECT array_agg(array_to_string(tsvector_to_array(to_tsvector('english', e)), ' ')) FROM unnest(s.examples) e)
        AS "exampleLexemes"
    FROM "AgentSkill" s WHERE s."agentId" = ANY(${ids}::text[]) ORDER BY s.position`;

  const scored = candidates.map((candidate) => {
    const own = skills.filter((s) => s.agentId === candidate.agentId);
    const covered = new Set<string>();
    let best = { skill: own[0]?.name ?? "", hits: [] as string[], weight: 0, example: null as string | null };
    for (const skill of own) {
      const hits = [...lexemes.keys()].filter((l) => skill.lexemes.includes(l));
      hits.forEach((h) => covered.add(h));
      const weight = hits.reduce((sum, h) => sum + (weights.get(h) ?? 0), 0);
      if (weight > best.weight) best = { skill: skill.name, hits, weight, example: closestExample(skill, hits) };
    }
    const coverage = [...covered].reduce((sum, l) => sum + (weights.get(l) ?? 0), 0) / totalWeight;
    const skillHits = own.filter((skill) => skill.lexemes.some((l) => lexemes.has(l))).length;
    return {
      agentId: candidate.agentId,
      coverage,
      // Coverage decides; among equals, an agent with more matching skills first.
      score: coverage + 0.01 * skillHits,
      reason: { skill: best.skill, matchedTerms: best.hits.map((h) => lexemes.get(h) ?? h), example: best.example },
    };
  });
  scored.sort((a, b) => b.score - a.score || a.agentId.localeCompare(b.agentId));
  const top = scored.slice(0, limit);
  const listings = new Map((await listingSummaries(top.map((t) => t.agentId))).map((l) => [l.id, l]));
  return {
    terms: [...lexemes.values()],
    matches: top.flatMap(({ agentId, ...rest }) => {
      const listing = listings.get(agentId);
      return listing ? [{ listing, ...rest }] : [];
    }),
  };
}

/** The example sharing the most matched words with the need (null when none shares any). */
function closestExample(skill: { examples: string[]; exampleLexemes: string[] | null }, hits: string[]): string | null {
  let best: string | null = null;
  let bestOverlap = 0;
  skill.examples.forEach((text, i) => {
    const words = (skill.exampleLexemes?.[i] ?? "").split(" ");
    const overlap = hits.filter((h) => words.includes(h)).length;
    if (overlap > bestOverlap) {
      best = text;
      bestOverlap = overlap;
    }
  });
  return best;
}
