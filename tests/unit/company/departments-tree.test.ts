import { describe, expect, it } from "vitest";
import { departmentSlug, field } from "@/server/services/company/departments/company-rules";
import {
  ZInstructionsSchema,
  ZMonthlyCapSchema,
  ZPerTaskCeilingSchema,
} from "@/server/services/company/departments/company-limits.types";
import { DepartmentTree, type TreeNode } from "@/server/services/company/departments/department-tree";

const node = (id: string, parentId: string | null = null): TreeNode => ({
  id,
  parentId,
  name: id.toUpperCase(),
  slug: id,
  archivedAt: null,
});

// marketing > content > blog; marketing > social; legal
const tree = new DepartmentTree([
  node("marketing"),
  node("content", "marketing"),
  node("blog", "content"),
  node("social", "marketing"),
  node("legal"),
]);

describe("the department tree", () => {
  it("knows each department's depth, height, subtree and ancestors", () => {
    expect(["marketing", "content", "blog", "social", "legal"].map((id) => tree.depth(id))).toEqual([1, 2, 3, 2, 1]);
    expect(["marketing", "content", "blog", "legal"].map((id) => tree.height(id))).toEqual([3, 2, 1, 1]);
    expect(tree.subtree("marketing").sort()).toEqual(["blog", "content", "marketing", "social"]);
    expect(tree.subtree("blog")).toEqual(["blog"]);
    expect(tree.ancestors("blog").map((n) => n.id)).toEqual(["content", "marketing"]);
    expect(tree.children("marketing").map((n) => n.id)).toEqual(["content", "social"]);
  });

  it("finds only its own org's departments", () => {
    expect(() => tree.get("someone-elses")).toThrow(expect.objectContaining({ code: "department_not_found" }));
  });

  it("stays finite on a loop a bad row could make", () => {
    const loop = new DepartmentTree([node("a", "b"), node("b", "a")]);
    expect(loop.depth("a")).toBeLessThanOrEqual(3);
    expect(loop.ancestors("a").length).toBeLessThanOrEqual(2);
  });
});

describe("department rules", () => {
  it("makes A2A-safe slugs from names", () => {
    expect(departmentSlug("Customer Support & Success")).toBe("customer-support-success");
    expect(departmentSlug("  Équipe Légale ")).toBe("equipe-legale");
    expect(departmentSlug("!!!")).toBe("department");
    expect(departmentSlug("x".repeat(80))).toHaveLength(48);
  });

  it("refuses bad terms with the field's own sentence", () => {
    expect(() => field(ZInstructionsSchema, "x".repeat(4_001))).toThrow(
      expect.objectContaining({ code: "invalid_input", message: "Keep standing instructions under 4,000 characters." }),
    );
    expect(() => field(ZPerTaskCeilingSchema, 0)).toThrow("The per-task ceiling must be at least 1 credit.");
    expect(() => field(ZMonthlyCapSchema, 2.5)).toThrow("A monthly budget must be a whole number of credits.");
    expect(() => field(ZInstructionsSchema, "ok\u0000")).toThrow(expect.objectContaining({ code: "invalid_input" }));
    expect(field(ZInstructionsSchema, "  Be brief.  ")).toBe("Be brief.");
  });
});
