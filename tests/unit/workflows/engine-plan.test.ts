import { describe, expect, it } from "vitest";
import { planRun, rowKey, type RowView } from "@/server/services/workflows/engine/plan";
import type { NodeRunState } from "@/server/schemas/workflow-graph";
import { edge, graph, n } from "./engine-graphs";

type Row = NodeRunState | Partial<RowView>;
function rows(entries: Record<string, Row>): Map<string, RowView> {
  return new Map(
    Object.entries(entries).map(([key, row]) => {
      const [nodeId, iterationKey = ""] = key.split("@");
      const view = typeof row === "string" ? { state: row } : row;
      return [rowKey(nodeId!, iterationKey), { state: "succeeded", output: null, data: null, ...view }];
    }),
  );
}
const at = (nodeId: string, iterationKey = "") => ({ nodeId, iterationKey });

describe("planRun: loops", () => {
  const g = graph(
    [n.trigger("start"), n.loop("each", 2), n.agent("work", { parentId: "each" }), n.output("out")],
    [edge("start", "each"), edge("each", "out")],
  );
  const items = (count: number) => ({
    state: "running" as const,
    data: { items: Array.from({ length: count }, (_, i) => i) },
  });

  it("starts at most `concurrency` elements, in order, and the next as one ends", () => {
    const first = planRun(g, rows({ start: "succeeded", each: items(5) }));
    expect(first.ready).toEqual([at("work", "0"), at("work", "1")]);
    const second = planRun(g, rows({ start: "succeeded", each: items(5), "work@0": "running", "work@1": "running" }));
    expect(second.ready).toEqual([]);
    expect(second.inProgress).toEqual([at("each"), at("work", "0"), at("work", "1")]);
    const third = planRun(g, rows({ start: "succeeded", each: items(5), "work@0": "succeeded", "work@1": "waiting" }));
    expect(third.ready).toEqual([at("work", "2")]);
  });

  it("completes the loop with its elements' results in order, then goes on", () => {
    const done = planRun(
      g,
      rows({
        start: "succeeded",
        each: items(2),
        "work@0": { state: "succeeded", output: "zero" },
        "work@1": { state: "succeeded", output: "one", data: { n: 1 } },
      }),
    );
    expect(done.complete).toEqual([{ ...at("each"), data: ["zero", { n: 1 }] }]);
    expect(done.ready).toEqual([at("out")]);
  });

  it("an element's output node is its result, before any other sink", () => {
    const g2 = graph(
      [
        n.trigger("start"),
        n.loop("each"),
        n.agent("a", { parentId: "each" }),
        n.output("result", { parentId: "each" }),
        n.agent("side", { parentId: "each" }),
      ],
      [edge("start", "each"), edge("a", "result"), edge("a", "side")],
    );
    const plan = planRun(
      g2,
      rows({
        start: "succeeded",
        each: { state: "running", data: { items: ["x"] } },
        "a@0": { output: "draft" },
        "result@0": { output: "final" },
        "side@0": { output: "later" },
      }),
    );
    expect(plan.complete).toEqual([{ ...at("each"), data: ["final"] }]);
  });

  it("an empty list completes the loop at once", () => {
    expect(planRun(g, rows({ start: "succeeded", each: items(0) })).complete).toEqual([{ ...at("each"), data: [] }]);
  });

  it("a failed element fails the loop and the run, cancels the other elements' work, names the body step", () => {
    const plan = planRun(g, rows({ start: "succeeded", each: items(3), "work@0": "failed", "work@1": "waiting" }));
    expect(plan.outcome).toBe("failed");
    expect(plan.cause).toEqual(at("work", "0"));
    expect(plan.cancel).toEqual([at("work", "1")]);
    expect(plan.fail).toEqual([{ ...at("each"), message: 'Element 0 of the loop failed at step "work".' }]);
    expect(plan.ready).toEqual([]);
  });

  it("names the body step behind a loop that already failed, nested loops followed down", () => {
    const nested = graph(
      [
        n.trigger("start"),
        n.loop("outer"),
        n.loop("inner", 1, { parentId: "outer" }),
        n.agent("work", { parentId: "inner" }),
      ],
      [edge("start", "outer")],
    );
    const plan = planRun(
      nested,
      rows({
        start: "succeeded",
        outer: "failed",
        "inner@0": "succeeded",
        "inner@1": "failed",
        "work@1.0": "succeeded",
        "work@1.1": "failed",
      }),
    );
    expect(plan).toMatchObject({ outcome: "failed", cause: at("work", "1.1") });
  });

  it("applies skips inside an element (a condition in the body); an element with no sink run has no result", () => {
    const g2 = graph(
      [
        n.trigger("start"),
        n.loop("each"),
        n.condition("check", { parentId: "each" }),
        n.agent("yes", { parentId: "each" }),
      ],
      [edge("start", "each"), edge("check", "yes", "true")],
    );
    const plan = planRun(
      g2,
      rows({ start: "succeeded", each: { state: "running", data: { items: [1] } }, "check@0": { data: false } }),
    );
    expect(plan.skip).toEqual([at("yes", "0")]);
    expect(plan.complete).toEqual([{ ...at("each"), data: [null] }]);
  });

  it("nests: an inner loop's elements are keyed by the outer element's key", () => {
    const g2 = graph(
      [
        n.trigger("start"),
        n.loop("outer", 1),
        n.loop("inner", 3, { parentId: "outer" }),
        n.agent("work", { parentId: "inner" }),
      ],
      [edge("start", "outer")],
    );
    const plan = planRun(
      g2,
      rows({
        start: "succeeded",
        outer: { state: "running", data: { items: ["a", "b"] } },
        "inner@0": { state: "running", data: { items: [1, 2] } },
      }),
    );
    expect(plan.ready).toEqual([at("work", "0.0"), at("work", "0.1")]);
  });
});

describe("planRun: top level", () => {
  it("reports the failed node as the cause, and what is still in progress", () => {
    const g = graph([n.trigger("start"), n.agent("a"), n.agent("b")], [edge("start", "a"), edge("start", "b")]);
    const plan = planRun(g, rows({ start: "succeeded", a: "failed", b: "waiting" }));
    expect(plan).toMatchObject({ outcome: "failed", cause: at("a"), inProgress: [at("b")] });
  });

  it("fails the nodes of a cycle with a message naming them", () => {
    const g = graph(
      [n.trigger("start"), n.agent("a"), n.agent("b")],
      [edge("start", "a"), edge("b", "a"), edge("a", "b")],
    );
    const plan = planRun(g, rows({ start: "succeeded" }));
    expect(plan.outcome).toBe("failed");
    expect(plan.fail.map((f) => f.nodeId)).toEqual(["a", "b"]);
    expect(plan.fail[0]!.message).toMatch(/a, b/);
  });
});
