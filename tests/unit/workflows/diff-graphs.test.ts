import { describe, expect, it } from "vitest";
import { diffGraphs, isEmptyDiff } from "@/server/services/workflows/graph/diff-graphs";
import { graph, node } from "./support/graph-builder";

const v1 = () =>
  graph(
    [node.trigger(), node.agent("draft", "Write about {{ input.topic }}"), node.approval("ok"), node.output()],
    ["start>draft", "draft>ok", "ok>result"],
  );

/** The same value with every object's keys in reverse order. */
const reversedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversedKeys)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reversedKeys(v)]),
        )
      : value;

describe("diffGraphs", () => {
  it("finds no difference between equal graphs, whatever the key order", () => {
    const a = v1();
    const b = structuredClone(a);
    b.nodes[1] = reversedKeys(b.nodes[1]) as (typeof a.nodes)[1];
    expect(Object.keys(b.nodes[1]!)[0]).not.toBe(Object.keys(a.nodes[1]!)[0]);
    const diff = diffGraphs(a, b);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.nodes.changed).toEqual([]);
  });

  it("reports added and removed nodes and edges", () => {
    const after = graph(
      [node.trigger(), node.agent("draft", "Write about {{ input.topic }}"), node.agent("edit"), node.output()],
      ["start>draft", "draft>edit", "edit>result"],
    );
    const diff = diffGraphs(v1(), after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(["edit"]);
    expect(diff.nodes.removed.map((n) => n.id)).toEqual(["ok"]);
    expect(diff.edges.added.map((e) => `${e.source}>${e.target}`)).toEqual(["draft>edit", "edit>result"]);
    expect(diff.edges.removed.map((e) => `${e.source}>${e.target}`)).toEqual(["draft>ok", "ok>result"]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("reports a node's changed fields by path with both values", () => {
    const after = v1();
    const draft = after.nodes[1]!;
    if (draft.type !== "agent") throw new Error("fixture");
    draft.name = "First draft";
    draft.config.template = "Write briefly about {{ input.topic }}";
    draft.config.retry.maxAttempts = 3;
    const ok = after.nodes[2]!;
    if (ok.type !== "approval") throw new Error("fixture");
    ok.config.approvers.roles = ["owner", "admin"];
    expect(diffGraphs(v1(), after).nodes.changed).toEqual([
      {
        nodeId: "draft",
        name: "First draft",
        changes: [
          { path: "name", before: "draft", after: "First draft" },
          {
            path: "config.template",
            before: "Write about {{ input.topic }}",
            after: "Write briefly about {{ input.topic }}",
          },
          { path: "config.retry.maxAttempts", before: 1, after: 3 },
        ],
      },
      {
        nodeId: "ok",
        name: "ok",
        changes: [{ path: "config.approvers.roles", before: ["admin"], after: ["owner", "admin"] }],
      },
    ]);
  });

  it("reports moves apart from changes, unless asked to include them", () => {
    const after = v1();
    after.nodes[1]!.position = { x: 40, y: 300 };
    const diff = diffGraphs(v1(), after);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.moved).toEqual([
      { nodeId: "draft", name: "draft", before: { x: 0, y: 0 }, after: { x: 40, y: 300 } },
    ]);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diffGraphs(v1(), after, { includeMoves: true }).nodes.changed).toEqual([
      {
        nodeId: "draft",
        name: "draft",
        changes: [{ path: "position", before: { x: 0, y: 0 }, after: { x: 40, y: 300 } }],
      },
    ]);
  });

  it("matches edges by what they connect, so a redrawn edge is no change but a new branch is", () => {
    const before = graph(
      [node.trigger(), node.condition("check"), node.output("yes"), node.output("no")],
      ["start>check", "check>true>yes", "check>false>no"],
    );
    const redrawn = structuredClone(before);
    redrawn.edges[0]!.id = "a-new-id";
    expect(isEmptyDiff(diffGraphs(before, redrawn))).toBe(true);
    const swapped = structuredClone(before);
    swapped.edges[1]!.branch = "false";
    swapped.edges[2]!.branch = "true";
    const diff = diffGraphs(before, swapped);
    expect(diff.edges.added.map((e) => e.branch)).toEqual(["false", "true"]);
    expect(diff.edges.removed.map((e) => e.branch)).toEqual(["true", "false"]);
  });

  it("reports settings and a node moved into a loop", () => {
    const before = graph(
      [node.trigger(), node.loop("each"), node.agent("a"), node.output()],
      ["start>each", "each>result"],
    );
    const after = structuredClone(before);
    after.budgetCapCredits = 500;
    after.nodes[2]!.parentId = "each";
    const diff = diffGraphs(before, after);
    expect(diff.settings).toEqual([{ path: "budgetCapCredits", before: null, after: 500 }]);
    expect(diff.nodes.changed).toEqual([
      { nodeId: "a", name: "a", changes: [{ path: "parentId", before: undefined, after: "each" }] },
    ]);
  });
});
