import { describe, expect, it } from "vitest";
import { buildTree, flatten, pathName, subtreeIds } from "./department-tree";

const dept = (id: string, name: string, parentId: string | null = null) => ({ id, name, parentId });
const DEPARTMENTS = [
  dept("m", "Marketing"),
  dept("c", "Content", "m"),
  dept("f", "Finance"),
  dept("s", "Social", "m"),
  dept("b", "Blog", "c"),
];

describe("the company's department tree", () => {
  it("nests teams under their departments, each level sorted by name", () => {
    const order = flatten(buildTree(DEPARTMENTS)).map((n) => `${"-".repeat(n.depth)}${n.department.name}`);
    expect(order).toEqual(["Finance", "Marketing", "-Content", "--Blog", "-Social"]);
  });

  it("makes a department whose parent is missing a root instead of dropping it", () => {
    const roots = buildTree([dept("c", "Content", "gone"), dept("f", "Finance")]);
    expect(roots.map((n) => n.department.name)).toEqual(["Content", "Finance"]);
  });

  it("survives a cycle in the data without looping", () => {
    const cyclic = [dept("a", "A", "b"), dept("b", "B", "a"), dept("r", "Root")];
    expect(flatten(buildTree(cyclic)).map((n) => n.department.id)).toEqual(["r"]);
    expect(pathName(cyclic, "a")).toBe("B / A");
  });

  it("names a department by its path and finds everything under it", () => {
    expect(pathName(DEPARTMENTS, "b")).toBe("Marketing / Content / Blog");
    expect([...subtreeIds(DEPARTMENTS, "m")].sort()).toEqual(["b", "c", "m", "s"]);
    expect([...subtreeIds(DEPARTMENTS, "f")]).toEqual(["f"]);
  });
});
