import "server-only";
import { db } from "../../db";
import { FILLER_WORDS, rarityWeight } from "./need-words";
import { queryWords } from "./search-terms";

/**
 * The need's stemmed lexemes that some listing actually uses (a word no
 * listing has cannot be covered by anyone), each mapped back to the buyer's
 * own word so reasons quote what they typed.
 */
export async function needLexemes(need: string): Promise<{ all: string[]; known: Map<string, string> }> {
  const words = queryWords(need, 60).filter((w) => !FILLER_WORDS.has(w));
  if (words.length === 0) return { all: [], known: new Map() };
  const rows = await db.$queryRaw<{ word: string; lexeme: string; known: boolean }[]>`
    SELECT w.word, l.lexeme,
      EXISTS (SELECT 1 FROM "SearchWord" s WHERE s.word LIKE l.lexeme || '%') AS known
    FROM unnest(${words}::text[]) AS w(word),
      LATERAL unnest(tsvector_to_array(to_tsvector('english', w.word))) AS l(lexeme)`;
  const known = new Map<string, string>();
  for (const row of rows) if (row.known && !known.has(row.lexeme)) known.set(row.lexeme, row.word);
  return { all: [...new Set(rows.map((r) => r.word))], known };
}

let stats: { at: number; freq: Map<string, number>; floor: number } | null = null;

/**
 * Inverse document frequency of each lexeme across skills, read from
 * Postgres' own statistics on the skill search vectors (most common elements,
 * refreshed by ANALYZE) instead of counting: "invoice" says more about a need
 * than "check". Lexemes below the statistics' floor count as rare. Without
 * statistics yet, every word weighs the same.
 */
export async function lexemeWeights(lexemes: string[]): Promise<Map<string, number>> {
  if (!stats || Date.now() - stats.at > 60_000) {
    const [row] = await db.$queryRaw<{ elems: string[] | null; freqs: number[] | null }[]>`
      SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs::float8[] AS freqs FROM pg_stats
      WHERE schemaname = current_schema() AND tablename = 'AgentSkill' AND attname = 'searchVector'`;
    const elems = row?.elems ?? [];
    const freqs = row?.freqs ?? [];
    // The frequency array ends with min, max and null fractions after one entry per element.
    stats = { at: Date.now(), freq: new Map(elems.map((e, i) => [e, freqs[i] ?? 0])), floor: freqs[elems.length] ?? 0 };
  }
  const { freq, floor } = stats;
  return new Map(
    lexemes.map((l) => {
      const f = freq.get(l) ?? floor / 2;
      return [l, rarityWeight(f)];
    }),
  );
}
