import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DEMO_AGENTS } from "@/server/demo-agents/catalog";
import { ENGLISH_STOP_WORDS, lexemeOf, wordsOf } from "@/server/services/company/manager/text/lexemes";
import { stemEnglish } from "@/server/services/company/manager/text/stem-english";
import { acmeDepartments } from "@/tests/unit/company/manager-fixture";

/**
 * The manager matches in memory on the lexemes Postgres' `english`
 * configuration gives the registry's search vectors. Every word of the demo
 * catalogue (names, descriptions, skills, tags, examples), the fixture's
 * missions and some requests goes through both and must come out the same.
 */

const REQUESTS = [
  "Draft a launch blog post on our Q3 numbers and check it for legal risk",
  "Reconciling invoices, forecasting budgets and analysing quarterly variances",
  "Organizations generalize; universities communicate; arsenals and generators, happily conditionally relational",
];

function corpus(): string[] {
  const texts = [
    ...DEMO_AGENTS.flatMap((a) => [
      a.name,
      a.description,
      ...a.tags,
      ...a.skills.flatMap((s) => [s.name, s.description, ...s.tags, ...s.examples]),
    ]),
    ...acmeDepartments().flatMap((d) => [d.name, d.mission, ...d.positions.map((p) => p.title)]),
    ...REQUESTS,
  ];
  return [...new Set(texts.flatMap(wordsOf))].sort();
}

describe("the manager's lexemes", () => {
  it("are Postgres' english lexemes for every word of the demo catalogue", async () => {
    const words = corpus();
    expect(words.length).toBeGreaterThan(700);
    const rows = await db.$queryRaw<{ word: string; lexemes: string[] }[]>`
      SELECT w AS word, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest(${words}::text[]) AS w`;
    const differ = rows.flatMap(({ word, lexemes }) => {
      const mine = ENGLISH_STOP_WORDS.has(word) ? [] : [/\d/.test(word) ? lexemeOf(word)! : stemEnglish(word)];
      return JSON.stringify(mine) === JSON.stringify(lexemes)
        ? []
        : [`${word}: postgres ${lexemes.join(",")}, ours ${mine.join(",")}`];
    });
    expect(differ).toEqual([]);
    expect(rows).toHaveLength(words.length);
  });
});
