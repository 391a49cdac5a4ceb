import "server-only";
import type { Db, Tx } from "../../db";
import { logger } from "../../logger";
import { buildTypoTrie, hasPrefix, lookupTypos, typoBudget, type TypoTrie } from "./typo-trie";

/**
 * The catalog's words (the `SearchWord` table) as an in-memory trie per
 * process. A process that adds words rebuilds it on its next search; words
 * added by other processes show up within DICTIONARY_TTL_MS: then a count of
 * the table (words are never removed, so a new count means new words) decides
 * in the background whether to rebuild, while searches use the current trie.
 */
export const DICTIONARY_TTL_MS = 60_000;
/** Alternatives per misspelled word: enough for the intended word to be among them, few enough to stay precise. */
const MAX_ALTERNATIVES = 4;

interface DictionaryState {
  trie: TypoTrie | null;
  words: number;
  checkedAt: number;
  stale: boolean;
  loading: Promise<TypoTrie> | null;
}

/**
 * On globalThis: Next.js bundles each route on its own, so a module-level
 * variable would give the page that searches and the procedure that
 * publishes (and marks the dictionary stale) two different copies.
 */
const shared = globalThis as unknown as { bureauSearchWords?: DictionaryState };
const state: DictionaryState = (shared.bureauSearchWords ??= {
  trie: null,
  words: 0,
  checkedAt: 0,
  stale: true,
  loading: null,
});

function reload(db: Db): Promise<TypoTrie> {
  state.loading ??= (async () => {
    // Cleared before reading, so words added while this load runs mark it stale again.
    state.stale = false;
    // One text value instead of one row per word: the dictionary can hold a few hundred thousand words.
    const [row] = await db.$queryRaw<{ words: string }[]>`
      SELECT coalesce(string_agg(word, ' '), '') AS words FROM "SearchWord"`;
    const words = row?.words ? row.words.split(" ") : [];
    const trie = buildTypoTrie(words);
    state.trie = trie;
    state.words = words.length;
    state.checkedAt = Date.now();
    return trie;
  })().finally(() => {
    state.loading = null;
  });
  return state.loading;
}

async function refreshIfGrown(db: Db): Promise<void> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SearchWord"`;
  if (row && row.n !== state.words) await reload(db);
}

async function dictionary(db: Db): Promise<TypoTrie> {
  if (!state.trie || state.stale) return reload(db);
  if (Date.now() - state.checkedAt > DICTIONARY_TTL_MS && !state.loading) {
    state.checkedAt = Date.now();
    refreshIfGrown(db).catch((error: unknown) => logger.warn({ err: error }, "search dictionary refresh failed"));
  }
  return state.trie;
}

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
  state.stale = true;
}

/**
 * What each query word may also mean: catalog words (or, for the last word,
 * catalog prefixes) within its typo budget (typo-trie.ts). A word the catalog
 * knows as typed, or a last word that begins a catalog word, is taken as is.
 */
export async function correctWords(db: Db, words: string[]): Promise<string[][]> {
  if (words.length === 0) return [];
  const trie = await dictionary(db);
  return words.map((word, i) => {
    const last = i === words.length - 1;
    const budget = typoBudget(word.length);
    if (budget === 0 || hasPrefix(trie, word, !last)) return [];
    return lookupTypos(trie, word, budget, last ? "prefix" : "word", MAX_ALTERNATIVES)
      .map((m) => m.term)
      .filter((term) => term !== word);
  });
}

/**
 * A tsquery string for to_tsquery('english', …): every word must match, the
 * last one also as a prefix, each widened to its corrections
 * ("contract reveiw" -> contract & (reveiw:* | review:*)). `weights: "AB"`
 * matches only names and skills.
 */
export async function correctedTsQuery(db: Db, words: string[], opts: { weights?: "AB" } = {}): Promise<string | null> {
  if (words.length === 0) return null;
  const corrections = await correctWords(db, words);
  const label = (w: string, prefix: boolean) =>
    prefix || opts.weights ? `${w}:${prefix ? "*" : ""}${opts.weights ?? ""}` : w;
  return words
    .map((word, i) => {
      const last = i === words.length - 1;
      const terms = [word, ...(corrections[i] ?? [])].map((w) => label(w, last));
      return terms.length > 1 ? `(${terms.join(" | ")})` : terms[0]!;
    })
    .join(" & ");
}
