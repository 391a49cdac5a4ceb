import { describe, expect, it } from "vitest";
import { liquidLiteral, liquidLiteralWithin } from "@/server/services/company/manager/graph/liquid-literal";
import { lexemeOf, lexemesOf } from "@/server/services/company/manager/text/lexemes";
import { dataReferences, definiteLexemes, refersToPrevious } from "@/server/services/company/manager/text/references";
import { splitRequest } from "@/server/services/company/manager/text/split-request";
import { stemEnglish } from "@/server/services/company/manager/text/stem-english";
import { renderTemplate } from "@/server/services/workflows/graph/expressions";

const scope = { input: {}, steps: {}, run: { id: "r", startedAt: "2026-01-01T00:00:00Z" } };

describe("the manager's English stemmer", () => {
  // Each pair is what Postgres 15's to_tsvector('english', word) gives (tests/integration/company/
  // manager-lexemes.integration.test.ts compares every word of the demo catalogue).
  it.each([
    ["numbers", "number"],
    ["drafting", "draft"],
    ["drafts", "draft"],
    ["summarize", "summar"],
    ["generalization", "general"],
    ["dying", "die"],
    ["skies", "sky"],
    ["hopping", "hop"],
    ["hoped", "hope"],
    ["agreed", "agre"],
    ["controlling", "control"],
    ["university", "univers"],
    ["organization", "organ"],
    ["lateral", "later"],
    ["clauses", "claus"],
    ["happily", "happili"],
    ["relational", "relat"],
    ["conditionally", "condit"],
    ["triage", "triag"],
    ["figures", "figur"],
    ["analyses", "analys"],
    ["news", "news"],
    ["running", "run"],
    ["eyeing", "eye"],
    ["communicate", "communic"],
    ["arsenal", "arsenal"],
    ["constructor", "constructor"],
  ])("stems %s to %s as Postgres does", (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });

  it("drops Postgres' stop words, keeps words with digits whole, and reads British -ise as -ize", () => {
    expect(lexemeOf("the")).toBeNull();
    expect(lexemeOf("our")).toBeNull();
    expect(lexemeOf("q3")).toBe("q3");
    expect(lexemeOf("summarise")).toBe(lexemeOf("summarize"));
    expect(lexemeOf("analyse")).toBe(lexemeOf("analyze"));
    expect([...lexemesOf("Drafting the blog posts on our numbers")]).toEqual(["draft", "blog", "post", "number"]);
  });
});

describe("splitting a request into pieces of work", () => {
  const texts = (request: string) => splitRequest(request).map((c) => c.text);

  it("cuts at 'and' followed by a verb, keeping the rest of each clause", () => {
    expect(splitRequest("Draft a launch blog post on our Q3 numbers and check it for legal risk")).toEqual([
      {
        text: "Draft a launch blog post on our Q3 numbers",
        core: "Draft a launch blog post on our Q3 numbers",
        connector: null,
      },
      { text: "Check it for legal risk", core: "Check it for legal risk", connector: null },
    ]);
  });

  it("reads 'then' as a sequence and 'also' as work beside the rest", () => {
    expect(splitRequest("Summarise this outage log, and then draft an FAQ from it").map((c) => c.connector)).toEqual([
      null,
      "then",
    ]);
    expect(splitRequest("Write a job description for a data engineer. Also audit our pricing page for SEO.")).toEqual([
      expect.objectContaining({ text: "Write a job description for a data engineer", connector: null }),
      expect.objectContaining({ text: "Audit our pricing page for SEO", connector: "also" }),
    ]);
    expect(texts("Review this NDA; triage this ticket about a double charge")).toEqual([
      "Review this NDA",
      "Triage this ticket about a double charge",
    ]);
  });

  it("keeps a list of things inside one clause, a verb too small to stand alone, and short requests whole", () => {
    expect(texts("Compare Acme and Globex on pricing and support")).toEqual([
      "Compare Acme and Globex on pricing and support",
    ]);
    expect(texts("Summarise and translate this quarterly report for the board")).toEqual([
      "Summarise and translate this quarterly report for the board",
    ]);
    expect(texts("Review and sign the NDA")).toEqual(["Review and sign the NDA"]);
  });

  it("reads list items as pieces, with the list's lead-in in front of each", () => {
    const clauses = splitRequest(
      "For the Q3 launch:\n1. Draft a blog post about pricing\n2. Audit the pricing page for SEO",
    );
    expect(clauses).toEqual([
      {
        text: "For the Q3 launch: Draft a blog post about pricing",
        core: "Draft a blog post about pricing",
        connector: null,
      },
      {
        text: "For the Q3 launch: Audit the pricing page for SEO",
        core: "Audit the pricing page for SEO",
        connector: null,
      },
    ]);
  });

  it("does not end a sentence at an abbreviation", () => {
    expect(texts("Draft a post on tools, e.g. Notion and Slack, for small teams")).toHaveLength(1);
  });
});

describe("what a clause refers to", () => {
  it("sees a pronoun standing for the previous result, not a determiner or the IT department", () => {
    expect(refersToPrevious("Check it for legal risk")).toBe(true);
    expect(refersToPrevious("Translate this into German")).toBe(true);
    expect(refersToPrevious("Review the results with the team")).toBe(true);
    expect(refersToPrevious("Review this NDA")).toBe(false);
    expect(refersToPrevious("Plan a launch campaign for IT buyers")).toBe(false);
    expect(refersToPrevious("Write a post that explains our pricing")).toBe(false);
  });

  it("names the head noun of a definite phrase", () => {
    expect([...definiteLexemes("Audit the pricing page for SEO")]).toEqual(["page"]);
    expect([...definiteLexemes("Translate the post into German")]).toEqual(["post"]);
  });

  it("finds figures named as a thing of their own, not as a modifier", () => {
    expect(dataReferences("Draft a launch blog post on our Q3 numbers")).toEqual([
      { phrase: "our Q3 numbers", head: "number" },
    ]);
    expect(dataReferences("Write a memo with last month's sales figures for the board")).toEqual([
      { phrase: "last month's sales figures", head: "figur" },
    ]);
    expect(dataReferences("Write a job description for a senior data engineer")).toEqual([]);
    expect(dataReferences("Screen our data protection clauses")).toEqual([]);
  });
});

describe("request text inside a step's Liquid template", () => {
  it("renders as itself, whatever braces it holds", async () => {
    const text = "Use {{ input.secret }} and {% raw %}{{{ x }}}{% endraw %} as written; {- fine -}";
    expect(await renderTemplate(liquidLiteral(text), scope)).toBe(text);
  });

  it("stays within a template's length, saying it was cut", async () => {
    const long = "{{ a }} ".repeat(5_000);
    const literal = liquidLiteralWithin(long, 14_000);
    expect(literal.length).toBeLessThanOrEqual(14_000);
    const rendered = await renderTemplate(literal, scope);
    expect(long.startsWith(rendered.split("…")[0]!)).toBe(true);
    expect(rendered).toMatch(/cut: the text is longer/);
  });
});

describe("a request with the replies to the manager's questions", () => {
  it("drops a sentence that says nothing and reads a one-word reply with the work it answers", () => {
    expect(splitRequest("help\n\nReview our NDA with Globex for missing clauses")).toEqual([
      expect.objectContaining({ text: "Review our NDA with Globex for missing clauses" }),
    ]);
    expect(splitRequest("Check our supplier terms for risky clauses\n\nLegal")).toEqual([
      expect.objectContaining({ core: "Check our supplier terms for risky clauses. Legal" }),
    ]);
  });
});
