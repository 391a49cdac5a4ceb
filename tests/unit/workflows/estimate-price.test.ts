import { describe, expect, it } from "vitest";
import { estimateRunPrice } from "@/server/services/workflows/graph/estimate-price";
import { graph, node } from "./support/graph-builder";

const prices = new Map([
  ["writer", 10],
  ["editor", 4],
  ["legal", 25],
]);

describe("estimateRunPrice", () => {
  it("adds up a linear workflow exactly", () => {
    const g = graph(
      [node.trigger(), node.agent("a", "x", "writer"), node.agent("b", "x", "editor"), node.output()],
      ["start>a", "a>b", "b>result"],
    );
    expect(estimateRunPrice(g, prices)).toEqual({
      minCredits: 14,
      maxCredits: 14,
      perNode: {
        start: { minCredits: 0, maxCredits: 0 },
        a: { minCredits: 10, maxCredits: 10 },
        b: { minCredits: 4, maxCredits: 4 },
        result: { minCredits: 0, maxCredits: 0 },
      },
      unpricedNodeIds: [],
    });
  });

  it("multiplies the maximum by a step's attempts, not the minimum", () => {
    const g = graph(
      [node.trigger(), node.agent("a", "x", "writer", { maxAttempts: 3 }), node.output()],
      ["start>a", "a>result"],
    );
    const estimate = estimateRunPrice(g, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([10, 30]);
    expect(estimate.perNode.a).toEqual({ minCredits: 10, maxCredits: 30 });
  });

  it("takes the cheapest branch for the minimum and the dearest for the maximum, with merges", () => {
    const g = graph(
      [
        node.trigger(),
        node.condition("check"),
        node.agent("cheap", "x", "editor"),
        node.agent("dear", "x", "legal"),
        node.agent("after", "x", "writer"),
        node.output(),
      ],
      ["start>check", "check>true>cheap", "check>false>dear", "cheap>after", "dear>after", "after>result"],
    );
    const estimate = estimateRunPrice(g, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([14, 35]);
    expect(estimate.perNode.cheap).toEqual({ minCredits: 0, maxCredits: 4 });
    expect(estimate.perNode.after).toEqual({ minCredits: 10, maxCredits: 10 });
  });

  it("gets two conditions in a row right where per-condition choices would not", () => {
    // The second condition's true branch only exists behind the first's false branch.
    const g = graph(
      [
        node.trigger(),
        node.condition("c1"),
        node.agent("a", "x", "legal"),
        node.condition("c2"),
        node.agent("b", "x", "writer"),
        node.agent("c", "x", "editor"),
        node.output(),
      ],
      ["start>c1", "c1>true>a", "c1>false>c2", "c2>true>b", "c2>false>c", "a>result", "b>result", "c>result"],
    );
    const estimate = estimateRunPrice(g, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([4, 25]);
  });

  it("runs a loop's body 0 to maxItems times, nested loops multiplying", () => {
    const g = graph(
      [
        node.trigger(),
        node.loop("outer", "input.list", 3),
        node.loop("inner", "item.parts", 4, { parentId: "outer" }),
        node.agent("each", "{{ item }}", "editor", { parentId: "inner", maxAttempts: 2 }),
        node.agent("sum", "x", "writer", { parentId: "outer" }),
        node.output(),
      ],
      ["start>outer", "inner>sum", "outer>result"],
    );
    const estimate = estimateRunPrice(g, prices);
    // One outer element: inner 4 × (4 × 2) + 10 = 42; three elements: 126.
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([0, 126]);
    expect(estimate.perNode.outer).toEqual({ minCredits: 0, maxCredits: 126 });
    expect(estimate.perNode.inner).toEqual({ minCredits: 0, maxCredits: 96 });
    expect(estimate.perNode.each).toEqual({ minCredits: 0, maxCredits: 96 });
    expect(estimate.perNode.sum).toEqual({ minCredits: 0, maxCredits: 30 });
  });

  it('pays only the cheapest branch into a join "first" at least, and every branch at most', () => {
    const race = (wait: "all" | "first") =>
      graph(
        [
          node.trigger(),
          node.parallel("fan"),
          node.agent("fast", "x", "editor"),
          node.agent("slow", "x", "legal"),
          node.join("meet", wait),
          node.agent("final", "x", "writer"),
          node.output(),
        ],
        ["start>fan", "fan>fast", "fan>slow", "fast>meet", "slow>meet", "meet>final", "final>result"],
      );
    const first = estimateRunPrice(race("first"), prices);
    expect([first.minCredits, first.maxCredits]).toEqual([14, 39]);
    expect(first.perNode.slow).toEqual({ minCredits: 0, maxCredits: 25 });
    const all = estimateRunPrice(race("all"), prices);
    expect([all.minCredits, all.maxCredits]).toEqual([39, 39]);
  });

  it("counts positions, departments, unknown listings and subworkflows as 0 and names them", () => {
    const g = graph(
      [
        node.trigger(),
        { ...node.agent("hire"), config: { target: { kind: "position", positionId: "p1" }, template: "x" } },
        { ...node.agent("dept"), config: { target: { kind: "department", slug: "legal-team" }, template: "x" } },
        node.agent("gone", "x", "vanished"),
        node.subworkflow("sub", "wf_1"),
        node.agent("known", "x", "writer"),
        node.output(),
      ],
      ["start>hire", "hire>dept", "dept>gone", "gone>sub", "sub>known", "known>result"],
    );
    const estimate = estimateRunPrice(g, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([10, 10]);
    expect(estimate.unpricedNodeIds).toEqual(["hire", "dept", "gone", "sub"]);
  });

  it("leaves out steps on a cycle, which never run", () => {
    const g = graph(
      [node.trigger(), node.agent("a", "x", "writer"), node.agent("b", "x", "legal"), node.output()],
      ["start>a", "a>b", "b>a", "start>result"],
    );
    expect(estimateRunPrice(g, prices)).toMatchObject({ minCredits: 0, maxCredits: 0 });
  });

  it("bounds a scope with too many conditions to enumerate", () => {
    const count = 12;
    const nodes: object[] = [node.trigger()];
    const edges: string[] = [];
    let previous = "start";
    for (let i = 0; i < count; i++) {
      nodes.push(node.condition(`c${i}`), node.agent(`t${i}`, "x", "editor"), node.transform(`f${i}`, "-"));
      nodes.push(node.transform(`m${i}`, "-"));
      edges.push(`${previous}>c${i}`, `c${i}>true>t${i}`, `c${i}>false>f${i}`, `t${i}>m${i}`, `f${i}>m${i}`);
      previous = `m${i}`;
    }
    nodes.push(node.agent("last", "x", "writer"));
    edges.push(`${previous}>last`);
    const estimate = estimateRunPrice(graph(nodes, edges), prices);
    // Merges after a condition are not known to run without enumerating, so the bound is sound but low.
    expect(estimate.minCredits).toBe(0);
    expect(estimate.maxCredits).toBe(count * 4 + 10);
  });
});

describe("estimateRunPrice on a large graph", () => {
  it("handles 200 nodes with ten conditions and races quickly", () => {
    const nodes: object[] = [node.trigger()];
    const edges: string[] = [];
    let previous = "start";
    for (let i = 0; i < 10; i++) {
      nodes.push(node.condition(`c${i}`), node.parallel(`p${i}`), node.join(`j${i}`, "first"));
      edges.push(`${previous}>c${i}`, `c${i}>true>p${i}`);
      for (let k = 0; k < 5; k++) {
        nodes.push(node.agent(`a${i}_${k}`, "x", k % 2 ? "writer" : "editor"));
        nodes.push(node.agent(`b${i}_${k}`, "x", "legal"));
        edges.push(`p${i}>a${i}_${k}`, `a${i}_${k}>b${i}_${k}`, `b${i}_${k}>j${i}`);
      }
      nodes.push(node.transform(`skip${i}`, "-"), node.transform(`m${i}`, "-"));
      edges.push(`c${i}>false>skip${i}`, `skip${i}>m${i}`, `j${i}>m${i}`);
      previous = `m${i}`;
    }
    expect(nodes.length).toBeGreaterThan(140);
    const started = performance.now();
    const estimate = estimateRunPrice(graph(nodes, edges), prices);
    expect(performance.now() - started).toBeLessThan(3_000);
    // Every condition false: nothing paid. Every one true: each race pays its cheapest branch at least, all at most.
    expect(estimate.minCredits).toBe(0);
    expect(estimate.maxCredits).toBe(10 * (3 * 4 + 2 * 10 + 5 * 25));
  });
});
