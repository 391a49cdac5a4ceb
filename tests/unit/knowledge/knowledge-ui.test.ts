import { describe, expect, it } from "vitest";
import { radialLayout, RING_GAP } from "@/components/knowledge/graph-layout";
import { highlight } from "@/components/knowledge/knowledge-format";

describe("the explorer's radial layout", () => {
  it("puts the centre in the middle, each hop on its ring, and a branch inside its parent's wedge", () => {
    const nodes = [
      { id: "c", depth: 0 },
      { id: "a", depth: 1 },
      { id: "b", depth: 1 },
      { id: "a1", depth: 2 },
      { id: "a2", depth: 2 },
      { id: "b1", depth: 2 },
    ];
    const edges = [
      { fromId: "c", toId: "a" },
      { fromId: "b", toId: "c" },
      { fromId: "a", toId: "a1" },
      { fromId: "a2", toId: "a" },
      { fromId: "b", toId: "b1" },
      { fromId: "a1", toId: "b1" },
    ];
    const at = radialLayout("c", nodes, edges);
    const radius = (id: string) => Math.round(Math.hypot(at.get(id)!.x, at.get(id)!.y));
    const angle = (id: string) => Math.atan2(at.get(id)!.y, at.get(id)!.x);
    expect(at.get("c")).toEqual({ x: 0, y: 0 });
    for (const id of ["a", "b"]) expect(Math.abs(radius(id) - RING_GAP)).toBeLessThanOrEqual(1);
    for (const id of ["a1", "a2", "b1"]) expect(Math.abs(radius(id) - 2 * RING_GAP)).toBeLessThanOrEqual(1);
    // a has two children and b one: a's wedge is twice b's, and a's children sit on either side of a.
    const [x, y] = [angle("a1") - angle("a"), angle("a2") - angle("a")];
    expect(Math.sign(x) * Math.sign(y)).toBe(-1);
    expect(new Set([...at.keys()])).toEqual(new Set(nodes.map((n) => n.id)));
  });

  it("places a node no edge reaches (cut by the node cap) off the centre rather than dropping it", () => {
    const at = radialLayout(
      "c",
      [
        { id: "c", depth: 0 },
        { id: "far", depth: 3 },
      ],
      [],
    );
    expect(at.get("far")).toBeDefined();
  });
});

describe("passage highlighting", () => {
  it("marks words of the query (and their endings) without touching the rest", () => {
    expect(highlight("Acme renews its licence every March.", "renew march")).toEqual([
      { text: "Acme ", match: false },
      { text: "renews", match: true },
      { text: " its licence every ", match: false },
      { text: "March", match: true },
      { text: ".", match: false },
    ]);
  });

  it("ignores short words and regex characters in the query", () => {
    expect(highlight("a.b (c)", "a. (c)")).toEqual([{ text: "a.b (c)", match: false }]);
    expect(highlight("C++ skills", "c++")).toEqual([{ text: "C++ skills", match: false }]);
  });
});
