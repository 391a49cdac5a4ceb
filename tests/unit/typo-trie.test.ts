import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTypoTrie, hasPrefix, lookupTypos, typoBudget } from "@/server/services/registry/typo-trie";

/** Reference: optimal string alignment distance (insert, delete, replace, swap neighbours), by the textbook table. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

const WORDS = [
  "northwind",
  "contract",
  "contracts",
  "review",
  "reviewer",
  "translator",
  "translation",
  "audit",
  "data",
];
const trie = buildTypoTrie(WORDS);
const terms = (q: string, k: number, mode: "word" | "prefix") => lookupTypos(trie, q, k, mode, 50).map((m) => m.term);

describe("typo budget", () => {
  it("allows one typo from 5 letters and two from 9, like typo-tolerant search engines", () => {
    expect([4, 5, 8, 9, 14].map(typoBudget)).toEqual([0, 1, 1, 2, 2]);
  });
});

describe("typo lookup", () => {
  it("finds a word through one swapped, replaced, missing or extra letter", () => {
    expect(terms("reveiw", 1, "word")).toEqual(["review"]);
    expect(terms("reviev", 1, "word")).toEqual(["review"]);
    expect(terms("rview", 1, "word")).toEqual(["review"]);
    expect(terms("revieww", 1, "word")).toEqual(["review"]);
    expect(terms("auidt", 1, "word")).toEqual(["audit"]);
  });

  it("finds a long word through two typos, best match first", () => {
    expect(terms("tarnslatr", 2, "word")).toEqual(["translator"]);
    expect(terms("contarcts", 2, "word")).toEqual(["contracts", "contract"]);
  });

  it("matches an unfinished last word with a typo as a prefix", () => {
    expect(terms("onrthwin", 1, "prefix")).toEqual(["northwin"]);
    expect(terms("tarnsl", 1, "prefix")).toEqual(["transl"]);
    // The shortest prefix on a branch covers the longer forms.
    expect(terms("reveiw", 1, "prefix")).toEqual(["review"]);
  });

  it("knows which words and prefixes the catalog has", () => {
    expect(hasPrefix(trie, "contr")).toBe(true);
    expect(hasPrefix(trie, "contr", true)).toBe(false);
    expect(hasPrefix(trie, "contract", true)).toBe(true);
    expect(hasPrefix(trie, "xyz")).toBe(false);
  });

  it("agrees with the textbook distance on random catalogs and queries", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 40 }),
        word,
        fc.integer({ min: 0, max: 2 }),
        (dict, q, k) => {
          const t = buildTypoTrie(dict);
          const words = lookupTypos(t, q, k, "word", 1000).map((m) => m.term);
          expect(words.sort()).toEqual(dict.filter((d) => osa(q, d) <= k).sort());

          // Prefixes: every prefix within k whose own shorter prefixes are not.
          const prefixes = new Set(dict.flatMap((d) => Array.from({ length: d.length }, (_, i) => d.slice(0, i + 1))));
          const close = [...prefixes].filter((p) => osa(q, p) <= k);
          const shortest = close.filter((p) => !close.some((o) => o.length < p.length && p.startsWith(o)));
          expect(
            lookupTypos(t, q, k, "prefix", 1000)
              .map((m) => m.term)
              .sort(),
          ).toEqual(shortest.sort());
        },
      ),
      { numRuns: 400 },
    );
  });
});
