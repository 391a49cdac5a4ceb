import { describe, expect, it } from "vitest";
import { scheduleScope } from "@/server/services/workflows/engine/schedule";
import { edge, graph, n, states } from "./engine-graphs";

describe("scheduleScope: waves", () => {
  const g = graph(
    [n.trigger("start"), n.agent("a"), n.agent("b"), n.agent("c"), n.output("out")],
    [edge("start", "a"), edge("start", "b"), edge("a", "c"), edge("b", "c"), edge("c", "out")],
  );

  it("starts with the roots, then every node whose in-edges' sources all ended", () => {
    expect(scheduleScope(g, states({}))).toMatchObject({ ready: ["start"], skip: [], outcome: "running" });
    expect(scheduleScope(g, states({ start: "succeeded" })).ready).toEqual(["a", "b"]);
    // c waits for both of its sources, running or waiting alike.
    expect(scheduleScope(g, states({ start: "succeeded", a: "succeeded", b: "running" })).ready).toEqual([]);
    expect(scheduleScope(g, states({ start: "succeeded", a: "succeeded", b: "waiting" })).ready).toEqual([]);
    expect(scheduleScope(g, states({ start: "succeeded", a: "succeeded", b: "succeeded" })).ready).toEqual(["c"]);
  });

  it("never offers a node that already started or ended", () => {
    const wave = scheduleScope(g, states({ start: "succeeded", a: "running", b: "succeeded" }));
    expect(wave.ready).toEqual([]);
    expect(wave.outcome).toBe("running");
  });

  it("succeeds when every node ended, and fails on a failed node without starting more", () => {
    const all = { start: "succeeded", a: "succeeded", b: "succeeded", c: "succeeded", out: "succeeded" } as const;
    expect(scheduleScope(g, states(all)).outcome).toBe("succeeded");
    const failed = scheduleScope(g, states({ start: "succeeded", a: "failed", b: "succeeded" }));
    expect(failed).toMatchObject({ outcome: "failed", failedNodeIds: ["a"], ready: [] });
  });

  it("fails a scope that can never move (a cycle outside a loop), naming the stuck nodes", () => {
    const cyclic = graph(
      [n.trigger("start"), n.agent("a"), n.agent("b")],
      [edge("start", "a"), edge("b", "a"), edge("a", "b")],
    );
    expect(scheduleScope(cyclic, states({ start: "succeeded" }))).toMatchObject({
      outcome: "failed",
      stuckNodeIds: ["a", "b"],
      ready: [],
    });
  });

  it("ignores edges leaving the scope (into or out of a loop body)", () => {
    const g2 = graph(
      [n.trigger("start"), n.loop("each"), n.agent("body", { parentId: "each" })],
      [edge("start", "each"), edge("each", "body")],
    );
    const top = { nodes: g2.nodes.filter((x) => !x.parentId), edges: g2.edges };
    expect(scheduleScope(top, states({ start: "succeeded" })).ready).toEqual(["each"]);
    const body = { nodes: g2.nodes.filter((x) => x.parentId === "each"), edges: g2.edges };
    expect(scheduleScope(body, states({})).ready).toEqual(["body"]);
  });
});

describe("scheduleScope: conditions", () => {
  const g = graph(
    [n.trigger("start"), n.condition("check"), n.agent("yes"), n.agent("no"), n.agent("after_yes"), n.output("out")],
    [
      edge("start", "check"),
      edge("check", "yes", "true"),
      edge("check", "no", "false"),
      edge("yes", "after_yes"),
      edge("after_yes", "out"),
      edge("no", "out"),
    ],
  );

  it("runs the chosen branch and skips the other, cascading through it", () => {
    const wave = scheduleScope(g, states({ start: "succeeded", check: ["succeeded", "true"] }));
    expect(wave).toMatchObject({ ready: ["yes"], skip: ["no"] });
    const other = scheduleScope(g, states({ start: "succeeded", check: ["succeeded", "false"] }));
    expect(other).toMatchObject({ ready: ["no"], skip: ["yes", "after_yes"] });
  });

  it("runs a node reached from both branches once the taken one ended (a merge)", () => {
    const wave = scheduleScope(g, states({ start: "succeeded", check: ["succeeded", "false"], no: "succeeded" }));
    expect(wave).toMatchObject({ ready: ["out"], skip: ["yes", "after_yes"] });
  });

  it("skips a node whose every in-edge comes from a skipped node", () => {
    const chain = graph(
      [n.trigger("start"), n.condition("check"), n.agent("a"), n.agent("b"), n.output("out")],
      [edge("start", "check"), edge("check", "a", "true"), edge("a", "b"), edge("b", "out")],
    );
    const wave = scheduleScope(chain, states({ start: "succeeded", check: ["succeeded", "false"] }));
    expect(wave).toMatchObject({ ready: [], skip: ["a", "b", "out"], outcome: "succeeded" });
  });

  it("fails when the condition itself failed (an expression error)", () => {
    expect(scheduleScope(g, states({ start: "succeeded", check: "failed" }))).toMatchObject({
      outcome: "failed",
      failedNodeIds: ["check"],
      skip: [],
    });
  });
});

describe("scheduleScope: parallel and join", () => {
  const fanOut = (wait: "all" | "first") =>
    graph(
      [
        n.trigger("start"),
        n.parallel("fan"),
        n.agent("a"),
        n.agent("b"),
        n.agent("b2"),
        n.join("join", wait),
        n.output("out"),
      ],
      [
        edge("start", "fan"),
        edge("fan", "a"),
        edge("fan", "b"),
        edge("b", "b2"),
        edge("a", "join"),
        edge("b2", "join"),
        edge("join", "out"),
      ],
    );

  it("a parallel node starts every out-branch in the same wave", () => {
    expect(scheduleScope(fanOut("all"), states({ start: "succeeded", fan: "succeeded" })).ready).toEqual(["a", "b"]);
  });

  it("join all waits for every branch", () => {
    const g = fanOut("all");
    expect(
      scheduleScope(g, states({ start: "succeeded", fan: "succeeded", a: "succeeded", b: "succeeded" })).ready,
    ).toEqual(["b2"]);
    const done = states({ start: "succeeded", fan: "succeeded", a: "succeeded", b: "succeeded", b2: "succeeded" });
    expect(scheduleScope(g, done).ready).toEqual(["join"]);
  });

  it("join all goes on without a skipped branch, and is skipped when every branch was", () => {
    const g = graph(
      [n.trigger("start"), n.condition("check"), n.agent("a"), n.agent("b"), n.join("join", "all")],
      [
        edge("start", "check"),
        edge("check", "a", "true"),
        edge("check", "b", "false"),
        edge("a", "join"),
        edge("b", "join"),
      ],
    );
    const ranA = states({ start: "succeeded", check: ["succeeded", "true"], a: "succeeded" });
    expect(scheduleScope(g, ranA)).toMatchObject({ ready: ["join"], skip: ["b"] });
    const lone = graph(
      [n.trigger("start"), n.condition("check"), n.agent("a"), n.join("join", "all")],
      [edge("start", "check"), edge("check", "a", "true"), edge("a", "join")],
    );
    expect(scheduleScope(lone, states({ start: "succeeded", check: ["succeeded", "false"] }))).toMatchObject({
      skip: ["a", "join"],
      outcome: "succeeded",
    });
  });

  it("join first goes on at the first success and cancels the rest of its branches, started or not", () => {
    const g = fanOut("first");
    const wave = scheduleScope(g, states({ start: "succeeded", fan: "succeeded", a: "succeeded", b: "running" }));
    expect(wave).toMatchObject({ ready: ["join"], cancel: ["b", "b2"], outcome: "running" });
    // Later rounds still cancel a loser that is waiting (say on a retry).
    const later = states({ start: "succeeded", fan: "succeeded", a: "succeeded", b: "waiting", join: "succeeded" });
    expect(scheduleScope(g, later)).toMatchObject({ ready: ["out"], cancel: ["b", "b2"] });
  });

  it("join first waits while a branch failed and another still runs; the race's failure is not the run's", () => {
    const g = fanOut("first");
    const racing = scheduleScope(g, states({ start: "succeeded", fan: "succeeded", a: "failed", b: "running" }));
    expect(racing).toMatchObject({ ready: [], outcome: "running", failedNodeIds: [] });
    const won = scheduleScope(g, states({ start: "succeeded", fan: "succeeded", a: "failed", b: "succeeded" }));
    expect(won).toMatchObject({ ready: ["b2"], outcome: "running" });
    const end = states({
      start: "succeeded",
      fan: "succeeded",
      a: "failed",
      b: "succeeded",
      b2: "succeeded",
      join: "succeeded",
      out: "succeeded",
    });
    expect(scheduleScope(g, end).outcome).toBe("succeeded");
  });

  it("join first fails when every branch ended and none succeeded", () => {
    const g = fanOut("first");
    const wave = scheduleScope(g, states({ start: "succeeded", fan: "succeeded", a: "failed", b: "failed" }));
    expect(wave).toMatchObject({
      skip: [],
      fail: [{ nodeId: "join", message: expect.stringMatching(/none succeeded/) }],
      outcome: "failed",
      failedNodeIds: ["join"],
    });
  });

  it("never cancels a node with an effect of its own beside the join", () => {
    const g = graph(
      [n.trigger("start"), n.agent("a"), n.agent("b"), n.output("side"), n.join("join", "first")],
      [edge("start", "a"), edge("start", "b"), edge("a", "join"), edge("b", "join"), edge("b", "side")],
    );
    const wave = scheduleScope(g, states({ start: "succeeded", a: "succeeded", b: "running" }));
    expect(wave).toMatchObject({ ready: ["join"], cancel: [] });
  });
});
