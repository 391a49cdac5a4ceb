import { describe, expect, it } from "vitest";
import { cardHeight, chartEdges, layoutChart, MAX_LISTED, ORG_NODE_ID } from "./chart-layout";

const DEPARTMENTS = [
  { id: "marketing", parentId: null, staff: 2 },
  { id: "content", parentId: "marketing", staff: 7 },
  { id: "finance", parentId: null, staff: 0 },
  { id: "orphan", parentId: "archived-and-hidden", staff: 1 },
];

describe("the org chart's layout", () => {
  it("hangs top-level departments and orphans from the org, teams from their department", () => {
    expect(chartEdges(DEPARTMENTS).map((e) => `${e.source}>${e.target}`)).toEqual([
      "org>marketing",
      "marketing>content",
      "org>finance",
      "org>orphan",
    ]);
  });

  it("sizes a card by its listed staff, capped with a '+N more' row", () => {
    expect(cardHeight(0)).toBe(cardHeight(1));
    expect(cardHeight(3)).toBeGreaterThan(cardHeight(2));
    expect(cardHeight(MAX_LISTED + 4)).toBe(cardHeight(MAX_LISTED + 1));
    expect(cardHeight(MAX_LISTED + 1)).toBeGreaterThan(cardHeight(MAX_LISTED));
  });

  it("places every node top down with ELK, each child below its parent and none overlapping", async () => {
    const placed = await layoutChart(DEPARTMENTS);
    const at = new Map(placed.map((n) => [n.id, n]));
    expect([...at.keys()].sort()).toEqual(["content", "finance", "marketing", ORG_NODE_ID, "orphan"].sort());
    for (const edge of chartEdges(DEPARTMENTS)) {
      const parent = at.get(edge.source)!;
      expect(at.get(edge.target)!.y).toBeGreaterThanOrEqual(parent.y + parent.height);
    }
    expect(at.get("content")!.height).toBe(cardHeight(7));
    // Each level's cards start on one line, whatever their heights.
    expect(new Set(["marketing", "finance", "orphan"].map((id) => at.get(id)!.y)).size).toBe(1);
    for (const a of placed) {
      for (const b of placed) {
        if (a.id >= b.id) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });
});
