import { describe, expect, it } from "vitest";
import {
  canRedo,
  canUndo,
  COALESCE_MS,
  createHistory,
  HISTORY_LIMIT,
  record,
  redo,
  undo,
} from "@/components/workflows/lib/history";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";

const graph = (cap: number | null): WorkflowGraph => ({ nodes: [], edges: [], budgetCapCredits: cap });

describe("canvas undo/redo history", () => {
  it("undoes and redoes edits in order, and a new edit clears redo", () => {
    const [g0, g1, g2, g3] = [graph(null), graph(1), graph(2), graph(3)];
    let h = createHistory(g0);
    expect(canUndo(h)).toBe(false);
    h = record(h, g1, { at: 0 });
    h = record(h, g2, { at: 10 });
    h = undo(h);
    expect(h.present).toBe(g1);
    h = undo(h);
    expect(h.present).toBe(g0);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(g1);
    expect(canRedo(h)).toBe(true);
    h = record(h, g3, { at: 20 });
    expect(canRedo(h)).toBe(false);
    expect(redo(h)).toBe(h);
    expect(undo(h).present).toBe(g1);
  });

  it("ignores recording the present again", () => {
    const g = graph(null);
    const h = createHistory(g);
    expect(record(h, g, { at: 0 })).toBe(h);
  });

  it("folds same-key edits within a second into one step, but not across keys or after a pause", () => {
    const base = graph(null);
    let h = createHistory(base);
    h = record(h, graph(1), { key: "external", at: 1_000 });
    h = record(h, graph(2), { key: "external", at: 1_000 + COALESCE_MS - 1 });
    expect(h.past).toEqual([base]);
    expect(h.present.budgetCapCredits).toBe(2);
    h = record(h, graph(3), { key: "other", at: 1_000 + COALESCE_MS });
    expect(h.past).toHaveLength(2);
    h = record(h, graph(4), { key: "other", at: 1_000 + 3 * COALESCE_MS });
    expect(h.past).toHaveLength(3);
    expect(undo(h).present.budgetCapCredits).toBe(3);
  });

  it("never folds an edit made right after undo into the restored graph", () => {
    let h = createHistory(graph(null));
    h = record(h, graph(1), { key: "external", at: 0 });
    h = undo(h);
    h = record(h, graph(2), { key: "external", at: 5 });
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.budgetCapCredits).toBeNull();
  });

  it(`keeps the last ${HISTORY_LIMIT} steps`, () => {
    let h = createHistory(graph(0));
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, graph(i), { at: i * 10_000 });
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    while (canUndo(h)) h = undo(h);
    expect(h.present.budgetCapCredits).toBe(20);
  });
});
