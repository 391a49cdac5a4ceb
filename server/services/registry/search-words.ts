import type { Db, Tx } from "../../db";

/**
 * Adds a listing's words to the typo dictionary. Words are never removed: a
 * stale word only costs a correction that then matches nothing.
 */
export async function addSearchWords(tx: Tx | Db, texts: string[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "SearchWord" ("word")
    SELECT DISTINCT w FROM regexp_split_to_table(lower(${texts.join(" ")}), '[^[:alnum:]]+') AS w
    WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING`;
}

/**
 * A tsquery string for to_tsquery('english', …): every word must match, the
 * last one also as a prefix. A word the catalog does not contain is widened
 * to the up to three closest catalog words by trigram similarity
 * ("translater" -> translater | translator | translation). `weights: "AB"`
 * matches only names and skills.
 */
export async function correctedTsQuery(db: Db, words: string[], opts: { weights?: "AB" } = {}): Promise<string | null> {
  if (words.length === 0) return null;
  const rows = await db.$queryRaw<{ input: string; match: string; sim: number }[]>`
    SELECT q.word AS input, d.word AS match, similarity(d.word, q.word)::float8 AS sim
    FROM unnest(${words}::text[]) AS q(word)
    JOIN LATERAL (
      SELECT s.word FROM "SearchWord" s WHERE s.word % q.word
      ORDER BY similarity(s.word, q.word) DESC, s.word LIMIT 3
    ) d ON true`;
  return words
    .map((word, i) => {
      const last = i === words.length - 1;
      const matches = rows.filter((r) => r.input === word);
      const known = matches.some((m) => m.match === word);
      const alternatives = known ? [] : matches.map((m) => m.match).filter((m) => m !== word);
      const label = (w: string, prefix: boolean) =>
        prefix || opts.weights ? `${w}:${prefix ? "*" : ""}${opts.weights ?? ""}` : w;
      const terms = [label(word, last), ...alternatives.map((a) => label(a, false))];
      return terms.length > 1 ? `(${terms.join(" | ")})` : terms[0]!;
    })
    .join(" & ");
}
