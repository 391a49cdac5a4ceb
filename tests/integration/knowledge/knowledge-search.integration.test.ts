import { describe, expect, it } from "vitest";
import { searchKnowledge } from "@/server/services/knowledge/search-knowledge";
import { ownerWithOrg } from "../../support/factories";
import { FIXTURE_QUERIES, idealPrecisionAt5, loadSearchFixture, precisionAt5, recallAt5 } from "./search-fixture";

/**
 * Hybrid search on the fixture (search-fixture.ts) without vectors (no
 * embedding key here): full text and trigram arms fused by reciprocal rank.
 * The figures are the bench's (bench/knowledge.bench.ts); this test holds
 * the floor and the behaviours each arm is there for.
 */
describe("hybrid knowledge search on the fixture", () => {
  it("finds names, aliases, typos and words, with the matched passage and its provenance", async () => {
    const { org, user } = await ownerWithOrg("Search Co");
    const actor = { kind: "user" as const, userId: user.id };
    await loadSearchFixture(org.id, actor);
    const search = (query: string) => searchKnowledge({ orgId: org.id, actor, query, limit: 10 });

    const exact = await search("Acme");
    expect(exact.results[0]).toMatchObject({ entity: { name: "Acme Corporation" } });
    expect(exact.results[0]!.ranks).toHaveProperty("name", 1);
    expect(exact.vectors).toEqual({ available: false, reason: expect.stringMatching(/OPENAI_API_KEY/) });

    const typo = await search("Initek");
    expect(typo.results[0]!.entity.name).toBe("Initech");
    expect(typo.results[0]!.ranks).toHaveProperty("entityTrigram");

    const words = await search("hydraulic Rotterdam");
    expect(words.results[0]).toMatchObject({
      entity: { name: "Globex" },
      passage: {
        text: "Globex ships spare parts across Europe from Rotterdam.",
        provenance: { source: "MEMBER", user: { id: user.id } },
      },
    });

    const question = await search("Who approves large purchases at Acme?");
    expect(question.results.slice(0, 3).map((r) => r.entity.name)).toContain("Dana Reyes");

    const filtered = await searchKnowledge({ orgId: org.id, actor, query: "Acme", type: "person" });
    expect(filtered.results.map((r) => r.entity.name)).toEqual(["Dana Reyes"]);
    expect((await search("zzzzqqqq")).results).toEqual([]);
  });

  it("holds precision@5 and recall@5 on the fixture's queries (text arms only)", async () => {
    const { org, user } = await ownerWithOrg("Precision Co");
    const actor = { kind: "user" as const, userId: user.id };
    await loadSearchFixture(org.id, actor);
    const rows: { query: string; kind: string; p5: number; ideal: number; r5: number; top: string[] }[] = [];
    for (const { query, relevant, kind } of FIXTURE_QUERIES) {
      const answer = await searchKnowledge({ orgId: org.id, actor, query, limit: 5 });
      const ranked = answer.results.map((r) => r.entity.name);
      rows.push({
        query,
        kind,
        p5: precisionAt5(ranked, relevant),
        ideal: idealPrecisionAt5(relevant),
        r5: recallAt5(ranked, relevant),
        top: ranked,
      });
    }
    const lexical = rows.filter((r) => r.kind !== "semantic");
    const mean = (list: typeof rows, f: (r: (typeof rows)[number]) => number) =>
      list.reduce((s, r) => s + f(r), 0) / list.length;
    // Every query sharing a word (or most of a name) with its answer finds all of it in the first five.
    for (const row of lexical) expect(row.r5, `${row.query}: ${row.top.join(" | ")}`).toBe(1);
    expect(mean(lexical, (r) => r.p5)).toBeCloseTo(
      mean(lexical, (r) => r.ideal),
      5,
    );
    // Over all queries (the bench's figure without vectors): the semantic ones are what text cannot reach.
    expect(mean(rows, (r) => r.p5)).toBeGreaterThanOrEqual(0.2);
  });
});
