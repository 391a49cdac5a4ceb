import "server-only";

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): each
 * ranked list gives an item 1 / (k + rank); an item's score is the sum over
 * the lists it is in. Scores of different arms (ts_rank, trigram
 * similarity, cosine) are not comparable, ranks are, so fusing ranks needs
 * no tuning of weights; k = 60 is the paper's constant, which keeps one
 * list's first place from drowning agreement between the others.
 *
 * Pure (no database), so it is unit tested with the lists it is given.
 */
export const RRF_K = 60;

export interface RankedList<K> {
  arm: string;
  /** Best first; a key appearing twice counts at its first place. */
  keys: readonly K[];
}

export interface Fused<K> {
  key: K;
  score: number;
  /** The key's 1-based rank in each list it appears in. */
  ranks: Record<string, number>;
}

export function reciprocalRankFusion<K>(lists: readonly RankedList<K>[], k = RRF_K): Fused<K>[] {
  const fused = new Map<K, Fused<K>>();
  for (const list of lists) {
    const seen = new Set<K>();
    let rank = 0;
    for (const key of list.keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      rank += 1;
      const entry = fused.get(key) ?? { key, score: 0, ranks: {} };
      entry.score += 1 / (k + rank);
      entry.ranks[list.arm] = rank;
      fused.set(key, entry);
    }
  }
  // Ties (the same ranks in the same lists) keep the order the lists first met them: stable sort.
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
