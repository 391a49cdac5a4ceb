import { describe, expect, it } from "vitest";
import { reciprocalRankFusion, RRF_K } from "@/server/services/knowledge/rank-fusion";

describe("reciprocal rank fusion", () => {
  it("scores 1/(k+rank) summed over lists, so agreement beats one list's first place", () => {
    const fused = reciprocalRankFusion([
      { arm: "text", keys: ["a", "b", "c"] },
      { arm: "trigram", keys: ["b", "c"] },
      { arm: "vector", keys: ["c"] },
    ]);
    expect(fused.map((f) => f.key)).toEqual(["c", "b", "a"]);
    expect(fused[0]).toEqual({
      key: "c",
      score: 1 / (RRF_K + 3) + 1 / (RRF_K + 2) + 1 / (RRF_K + 1),
      ranks: { text: 3, trigram: 2, vector: 1 },
    });
    expect(fused[2]).toEqual({ key: "a", score: 1 / (RRF_K + 1), ranks: { text: 1 } });
  });

  it("counts a key once per list, at its first place, and keeps first-met order on ties", () => {
    const fused = reciprocalRankFusion([
      { arm: "passages", keys: ["x", "x", "y"] },
      { arm: "names", keys: ["y", "x"] },
    ]);
    expect(fused.map((f) => [f.key, f.ranks])).toEqual([
      ["x", { passages: 1, names: 2 }],
      ["y", { passages: 2, names: 1 }],
    ]);
    expect(fused[0]!.score).toBeCloseTo(fused[1]!.score, 12);
  });

  it("answers nothing for empty lists", () => {
    expect(reciprocalRankFusion([{ arm: "text", keys: [] }])).toEqual([]);
  });
});
