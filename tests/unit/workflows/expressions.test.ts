import { describe, expect, it } from "vitest";
import {
  checkExpression,
  checkTemplate,
  evaluateCondition,
  evaluateExpression,
  ExpressionError,
  referencedSteps,
  renderTemplate,
  scopeReferences,
  type WorkflowScope,
} from "@/server/services/workflows/graph/expressions";

const scope: WorkflowScope = {
  input: { name: "Ann", languages: ["fr", "de"], count: 0, empty: "" },
  steps: {
    research: { output: "notes <b>&</b>", data: { links: [1, 2] }, state: "succeeded", costCredits: 3, artifacts: [] },
    review: { output: "", data: null, state: "failed", costCredits: 0, artifacts: [] },
  },
  run: { id: "run_1", startedAt: "2026-11-02T10:00:00.000Z" },
};

async function renderError(template: string): Promise<ExpressionError> {
  const error: unknown = await renderTemplate(template, scope).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExpressionError);
  return error as ExpressionError;
}

describe("renderTemplate", () => {
  it("renders scope paths, tags and filters, without HTML escaping", async () => {
    const text = await renderTemplate(
      "Hi {{ input.name | upcase }}: {{ steps.research.output }}{% for l in input.languages %} {{ l }}{% endfor %}",
      scope,
    );
    expect(text).toBe("Hi ANN: notes <b>&</b> fr de");
  });

  it("prints objects and lists as JSON and a missing path as nothing", async () => {
    expect(
      await renderTemplate("{{ steps.research.data }}|{{ input.languages }}|{{ input.nope.deeper }}|", scope),
    ).toBe('{"links":[1,2]}|["fr","de"]||');
  });

  it("does not expose JavaScript internals of the scope", async () => {
    expect(await renderTemplate("[{{ input.constructor }}][{{ input.__proto__ }}][{{ input.toString }}]", scope)).toBe(
      "[][][]",
    );
  });

  it("reads no files: include, render and layout are refused before anything runs", async () => {
    for (const tag of ["include", "render", "layout"]) {
      const problem = checkTemplate(`Text {% ${tag} '/etc/passwd' %}`);
      expect(problem?.message).toMatch(new RegExp(`"${tag}" tag is not available`));
      expect(problem?.offset).toBe(5);
      const error = await renderError(`{% ${tag} 'package.json' %}`);
      expect(error.kind).toBe("syntax");
      expect(error.message).not.toMatch(/bureau|dependencies/);
    }
  });

  it("stops a runaway loop at the render limit", async () => {
    const started = Date.now();
    const error = await renderError("{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}");
    expect(error.kind).toBe("limit");
    expect(error.message).toMatch(/too long or did too much work/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a template that doubles a string until memory runs out", async () => {
    const error = await renderError(
      "{% assign s = 'x' %}{% for i in (1..60) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}",
    );
    expect(error.kind).toBe("limit");
    expect(error.message).toMatch(/too much data/);
  });

  it("throws a positioned ExpressionError for a template that does not parse", async () => {
    const error = await renderError("line one\nsay {{ input.name | shout }}");
    expect(error).toMatchObject({ kind: "syntax", line: 2, column: 21, offset: 29 });
    expect(error.message).toBe('There is no filter named "shout".');
  });

  it("reports render errors at the tag that failed", async () => {
    const error = await renderError("ok {{ input.name | append: }}");
    expect(error).toMatchObject({ kind: "render", line: 1, column: 4, offset: 3 });
  });
});

describe("evaluateExpression", () => {
  it("evaluates comparisons, paths, filters and ranges", async () => {
    expect(await evaluateExpression('steps.review.state == "failed"', scope)).toBe(true);
    expect(await evaluateExpression("input.languages", scope)).toEqual(["fr", "de"]);
    expect(await evaluateExpression("input.languages | size", scope)).toBe(2);
    expect(await evaluateExpression("steps.research.output contains 'notes' and input.count < 1", scope)).toBe(true);
    expect(await evaluateExpression("(1..3)", scope)).toEqual([1, 2, 3]);
    expect(await evaluateExpression("nil", scope)).toBeNull();
  });

  it("uses Liquid truthiness: only false and nil are false", async () => {
    expect(await evaluateCondition("input.count", scope)).toBe(true);
    expect(await evaluateCondition("input.empty", scope)).toBe(true);
    expect(await evaluateCondition("input.missing", scope)).toBe(false);
    expect(await evaluateCondition("steps.review.data", scope)).toBe(false);
    expect(await evaluateCondition("false", scope)).toBe(false);
    expect(await evaluateCondition("not input.missing", scope)).toBe(true);
  });

  it("stops an expression that would build a huge list", async () => {
    await expect(evaluateExpression("(1..1000000000)", scope)).rejects.toMatchObject({
      name: "ExpressionError",
      kind: "limit",
    });
  });

  it("refuses an expression that liquidjs alone would evaluate leniently", async () => {
    await expect(evaluateExpression("input.count ==", scope)).rejects.toMatchObject({ offset: 14 });
    await expect(evaluateExpression("input.count input.name", scope)).rejects.toMatchObject({ offset: 12 });
  });
});

describe("checkTemplate and checkExpression", () => {
  it("accept what parses", () => {
    expect(checkTemplate("Plain text")).toBeNull();
    expect(checkTemplate("{% if steps.a.state == 'failed' %}x{% else %}{{ steps.a.output }}{% endif %}")).toBeNull();
    expect(checkExpression("steps.a.output.size > 3")).toBeNull();
    expect(checkExpression("input.title | downcase | append: '!'")).toBeNull();
    expect(checkExpression("not input.flag")).toBeNull();
  });

  it("point at the offending character", () => {
    const cases: [string, string, number, RegExp][] = [
      ["{{ input.name | nope }}", "template", 16, /no filter named "nope"/],
      ["a\nb {{ steps.x.output ", "template", 4, /never closed/],
      ["x {% if a %} y", "template", 2, /never closed/],
      ["{% bogus %}", "template", 3, /no tag named "bogus"/],
      ["{{ a == }}", "template", 7, /needs a value after it/],
      ["{% if a b %}{% endif %}", "template", 8, /Expected an operator/],
      ["{{ 1 + }}", "template", 5, /Unexpected character/],
      ["input.name | nope", "expression", 13, /no filter named "nope"/],
      ["input.x )", "expression", 8, /Unexpected "\)"/],
      ["== input.x", "expression", 0, /needs a value before it/],
      ["   ", "expression", 0, /empty/],
      // Liquid applies filters last: an operator after one is an error.
      ["steps.a.output | size > 3", "expression", 22, /Expected ":" after the filter name/],
    ];
    for (const [source, kind, offset, message] of cases) {
      const problem = kind === "template" ? checkTemplate(source) : checkExpression(source);
      expect(problem, source).not.toBeNull();
      expect(problem!.message, source).toMatch(message);
      expect(problem!.offset, source).toBe(offset);
      const before = source.slice(0, offset).split("\n");
      expect(problem!.line, source).toBe(before.length);
      expect(problem!.column, source).toBe(before.at(-1)!.length + 1);
    }
  });
});

describe("referencedSteps and scopeReferences", () => {
  it("finds steps read by templates, through tags and filters, not loop variables or assigned names", () => {
    const template =
      "{{ steps.a.output }}{% for s in steps.b.data %}{{ s }}{% endfor %}" +
      "{% assign q = steps.c['data'] %}{{ q | append: steps.d.output }}{% if steps.a.state %}{% endif %}";
    expect(referencedSteps(template)).toEqual(["a", "b", "c", "d"]);
  });

  it("finds steps read by expressions", () => {
    expect(referencedSteps("steps.x.state == 'failed' or steps.y.output contains 'ok'")).toEqual(["x", "y"]);
  });

  it("does not mistake text for references", () => {
    expect(referencedSteps("Mention steps.a in prose, {{ input.topic }}")).toEqual([]);
    expect(referencedSteps("{{ 'steps.a.output' }}")).toEqual([]);
  });

  it("gives each reference's path and position, with run-time segments as null", () => {
    expect(scopeReferences("x\n{{ item.name }} {{ steps[input.k].output }}", "template")).toEqual([
      { path: ["item", "name"], line: 2, column: 4, offset: 5 },
      { path: ["steps", null, "output"], line: 2, column: 20, offset: 21 },
      { path: ["input", "k"], line: 2, column: 26, offset: 27 },
    ]);
    expect(scopeReferences("{{ broken", "template")).toEqual([]);
  });
});
