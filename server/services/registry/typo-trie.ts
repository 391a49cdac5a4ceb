import "server-only";
/**
 * Typo tolerance the way search engines promise it (Meilisearch, Typesense,
 * Algolia): words of 5 letters or more may carry one typo, words of 9 or more
 * two, where a typo is one inserted, deleted, replaced or swapped letter
 * (optimal string alignment distance), and the last word of a query may be
 * an unfinished prefix with the same budget ("onrthwin" -> "northwin…").
 *
 * The catalog's words sit in a compact trie: one node per distinct prefix,
 * laid out in depth-first order so a node's children follow it and each node
 * records where its subtree ends. A lookup walks the trie once with one row of
 * the edit-distance table per depth and abandons a branch as soon as no cell
 * of its row can come back under the budget, so it touches only the few
 * branches near the query instead of every word.
 */

export const typoBudget = (length: number): number => (length >= 9 ? 2 : length >= 5 ? 1 : 0);

export interface TypoTrie {
  /** UTF-16 code unit of the edge into each node (root: 0). */
  readonly char: Uint16Array;
  /** One past the last node of each node's subtree. */
  readonly end: Uint32Array;
  /** 1 when the path to the node spells a whole word. */
  readonly word: Uint8Array;
  readonly size: number;
}

/** Builds the trie from any list of words (sorted and deduplicated here). */
export function buildTypoTrie(words: Iterable<string>): TypoTrie {
  const sorted = [...new Set(words)].filter((w) => w.length > 0).sort();
  const chars: number[] = [0];
  const ends: number[] = [0];
  const isWord: number[] = [0];
  // path[d] is the node at depth d of the previous word (path[0] is the root).
  const path: number[] = [0];
  let previous = "";
  for (const w of sorted) {
    let common = 0;
    while (common < w.length && common < previous.length && w[common] === previous[common]) common++;
    // Close the previous word's nodes below the shared prefix: their subtrees end here.
    for (let d = path.length - 1; d > common; d--) ends[path[d]!] = chars.length;
    path.length = common + 1;
    for (let i = common; i < w.length; i++) {
      path.push(chars.length);
      chars.push(w.charCodeAt(i));
      ends.push(0);
      isWord.push(0);
    }
    isWord[path[w.length]!] = 1;
    previous = w;
  }
  for (let d = path.length - 1; d >= 0; d--) ends[path[d]!] = chars.length;
  return {
    char: Uint16Array.from(chars),
    end: Uint32Array.from(ends),
    word: Uint8Array.from(isWord),
    size: chars.length,
  };
}

export interface TypoMatch {
  /** The catalog word (or, for a prefix lookup, the catalog prefix). */
  term: string;
  distance: number;
}

/**
 * Catalog words within `maxDistance` edits of `query` (mode "word"), or
 * catalog prefixes within `maxDistance` edits of it (mode "prefix": the
 * shortest such prefix on each branch, since a prefix covers its longer
 * forms). Best first: fewest edits, then closest in length, then A–Z.
 */
export function lookupTypos(
  trie: TypoTrie,
  query: string,
  maxDistance: number,
  mode: "word" | "prefix",
  limit = 5,
): TypoMatch[] {
  const n = query.length;
  const q = Array.from({ length: n }, (_, i) => query.charCodeAt(i));
  const maxDepth = n + maxDistance;
  // rows[d][j]: edits between the trie path of depth d and the first j letters of the query.
  const rows = Array.from({ length: maxDepth + 1 }, () => new Int32Array(n + 1));
  for (let j = 0; j <= n; j++) rows[0]![j] = j;
  const pathChars = new Uint16Array(maxDepth + 1);
  const found: TypoMatch[] = [];
  const spell = (depth: number) => String.fromCharCode(...pathChars.subarray(1, depth + 1));

  const visit = (node: number, depth: number) => {
    const row = rows[depth]!;
    const up = rows[depth - 1]!;
    const c = trie.char[node]!;
    pathChars[depth] = c;
    row[0] = depth;
    let best = row[0];
    for (let j = 1; j <= n; j++) {
      let v = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (c === q[j - 1] ? 0 : 1));
      // A swap of two neighbouring letters counts as one edit.
      if (depth > 1 && j > 1 && c === q[j - 2] && pathChars[depth - 1] === q[j - 1])
        v = Math.min(v, rows[depth - 2]![j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    const distance = row[n]!;
    if (mode === "prefix" && distance <= maxDistance) {
      found.push({ term: spell(depth), distance });
      return;
    }
    if (mode === "word" && trie.word[node] === 1 && distance <= maxDistance)
      found.push({ term: spell(depth), distance });
    // A swap reaches back two rows, so a branch is dead only when this row and the one above are.
    const upBest = depth > 1 ? Math.min(...up) : 0;
    if (depth >= maxDepth || (best > maxDistance && upBest + 1 > maxDistance)) return;
    for (let child = node + 1; child < trie.end[node]!; child = trie.end[child]!) visit(child, depth + 1);
  };

  for (let child = 1; child < trie.end[0]!; child = trie.end[child]!) visit(child, 1);
  return found
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        Math.abs(a.term.length - n) - Math.abs(b.term.length - n) ||
        (a.term < b.term ? -1 : a.term > b.term ? 1 : 0),
    )
    .slice(0, limit);
}

/** Whether `prefix` begins some catalog word (or is one, when `whole`). */
export function hasPrefix(trie: TypoTrie, prefix: string, whole = false): boolean {
  let node = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    let next = -1;
    for (let child = node + 1; child < trie.end[node]!; child = trie.end[child]!) {
      if (trie.char[child] === c) {
        next = child;
        break;
      }
    }
    if (next < 0) return false;
    node = next;
  }
  return whole ? trie.word[node] === 1 : true;
}
