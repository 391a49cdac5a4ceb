import { describe, expect, it } from "vitest";
import { splitSections } from "@/server/demo-agents/behaviors";
import { renderTemplate } from "@/server/demo-agents/templates";
import { keywords, numbers, sentences } from "@/server/demo-agents/templates/text";

describe("demo agent text helpers", () => {
  it("reads values but not identifiers", () => {
    expect(numbers("INV-101 1,250.00; INV-102 980.50; Q1 total -40 and 7")).toEqual([1250, 980.5, -40, 7]);
    expect(sentences("One. Two!\nThree\n\n")).toEqual(["One.", "Two!", "Three"]);
    expect(keywords("Please review the pricing. Pricing pages and pricing tiers matter.", 2)).toEqual([
      "pricing",
      "pages",
    ]);
  });
});

describe("persona templates", () => {
  it("computes statistics and flags a stand-out value", () => {
    const out = renderTemplate({ template: "stats" }, "Weekly signups: 120, 134, 98, 160, 171, 155");
    expect(out).toContain("| Count | 6 |");
    expect(out).toContain("| Median | 144.5 |");
    expect(out).toContain("Rising: the second half averages 38.1% above the first.");
    expect(out).toContain("Stand-out values: 98");
    expect(renderTemplate({ template: "stats" }, "no figures here")).toContain("No figures found");
  });

  it("marks checklist items covered or missing", () => {
    const checks = [
      { label: "Indemnities", keywords: ["indemn"] },
      { label: "Governing law", keywords: ["governed by"] },
    ];
    const out = renderTemplate({ template: "checklist", checks }, "This agreement is Governed by Irish law.");
    expect(out).toContain("**1 of 2 items covered**");
    expect(out).toContain('- [x] Governing law (mentions "governed by")');
    expect(out).toContain("- [ ] Indemnities");
  });

  it("reports style findings with their sentence", () => {
    const long = `${"word ".repeat(30)}end.`;
    const out = renderTemplate(
      { template: "review" },
      `The the plan is fine. It was approved by the board. ${long} We maybe ship.`,
    );
    expect(out).toContain('Sentence 1 repeats "the"');
    expect(out).toContain('Sentence 2 uses the passive "was approved"');
    expect(out).toContain("Sentence 3 runs to 31 words");
    expect(out).toContain('Sentence 4 hedges with "maybe"');
  });

  it("segments text for translation and lists capitalised terms", () => {
    const out = renderTemplate({ template: "segment" }, "Bureau launches today. Open the Bureau Console to start.");
    expect(out).toContain("**2 translation units, 9 source words.**");
    expect(out).toContain("| 2 | 6 | Open the Bureau Console to start. |");
    expect(out).toContain("- Bureau\n- Console");
  });

  it("fills outline and draft sections from the brief without inventing content", () => {
    const outline = renderTemplate(
      { template: "outline", sections: ["Audience", "Channels"] },
      "Reach IT buyers in the EU. Our audience is CIOs.",
    );
    expect(outline).toContain("## 1. Audience\n- From the brief: Our audience is CIOs.");
    expect(outline).toContain("## 2. Channels\n- Not covered by the brief yet");
    const draft = renderTemplate({ template: "draft", sections: ["Intro", "Details"] }, "We now bill by usage.");
    expect(draft).toContain("## Intro\n\nWe now bill by usage.");
    expect(draft).toContain("[To write: details");
  });

  it("splits markdown into self-contained sections for streaming", () => {
    expect(splitSections("# T\nintro\n## A\na\n## B\nb")).toEqual(["# T\nintro\n", "## A\na\n", "## B\nb\n"]);
  });
});
