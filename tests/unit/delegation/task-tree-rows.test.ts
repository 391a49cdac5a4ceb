import { describe, expect, it } from "vitest";
import { concernsTree, nodeCost, nodeTimeline, treeRows } from "@/components/tasks/task-tree-rows";
import type { OrgEventView } from "@/server/schemas/org-events";
import type { TaskTreeNodeView } from "@/server/trpc/routers/tasks/get-task-tree.types";

const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, s));

function node(id: string, parentId: string | null, over: Partial<TaskTreeNodeView> = {}): TaskTreeNodeView {
  return {
    id,
    parentId,
    depth: 0,
    kind: "AGENT",
    state: "COMPLETED",
    agent: { slug: id, name: `Agent ${id}` },
    costCredits: 10,
    totalCostCredits: 10,
    createdAt: at(0),
    startedAt: at(1),
    finishedAt: at(5),
    ...over,
  };
}

const event = (type: string, subjectId: string, data: unknown = {}): OrgEventView =>
  ({
    id: "1",
    type,
    subject: { type: "task", id: subjectId },
    actor: { kind: "agent", id: "a" },
    data,
    createdAt: at(0).toISOString(),
  }) as OrgEventView;

describe("task tree rows", () => {
  it("lists each node followed by its own subtree, levels counted from the root", () => {
    // Parents first, level by level, as the service reads them.
    const rows = treeRows([
      node("r", null),
      node("a", "r"),
      node("b", "r"),
      node("a1", "a"),
      node("b1", "b"),
      node("a2", "a"),
    ]);
    expect(rows.map((r) => `${r.node.id}@${r.level}`)).toEqual(["r@0", "a@1", "a1@2", "a2@2", "b@1", "b1@2"]);
  });

  it("keeps a node whose parent was cut from a truncated tree, as a branch of its own", () => {
    expect(treeRows([node("r", null), node("x", "missing")]).map((r) => r.level)).toEqual([0, 0]);
  });

  it("re-reads for events about its tasks and for new children of them, nothing else", () => {
    const ids = new Set(["r", "a"]);
    expect(
      concernsTree(ids, event("task.state_changed", "a", { from: "WORKING", to: "COMPLETED", message: null })),
    ).toBe(true);
    expect(
      concernsTree(ids, event("task.state_changed", "z", { from: "WORKING", to: "COMPLETED", message: null })),
    ).toBe(false);
    const created = (parentTaskId: string | null) =>
      event("task.created", "new", { agentId: "x", source: "A2A", priceCredits: 5, parentTaskId });
    expect(concernsTree(ids, created("a"))).toBe(true);
    expect(concernsTree(ids, created("elsewhere"))).toBe(false);
    expect(concernsTree(ids, created(null))).toBe(false);
    expect(
      concernsTree(ids, { ...event("workflow_run.state_changed", "r"), subject: { type: "workflow_run", id: "r" } }),
    ).toBe(false);
  });

  it("says how long each node took, or has been running, and what it costs", () => {
    expect(nodeTimeline(node("r", null), at(60).getTime())).toMatch(/· 4\.0 s$/);
    expect(nodeTimeline(node("r", null, { state: "WORKING", finishedAt: null }), at(8).getTime())).toMatch(
      /running 7\.0 s$/,
    );
    expect(nodeTimeline(node("r", null, { state: "SUBMITTED", startedAt: null, finishedAt: null }), 0)).toMatch(
      /^queued /,
    );
    expect(nodeCost(node("r", null, { costCredits: 20 }))).toBe("20 credits");
    expect(nodeCost(node("r", null, { state: "WORKING", costCredits: 1 }))).toBe("1 credit held");
    expect(nodeCost(node("r", null, { state: "CANCELED", costCredits: 0 }))).toBe("not charged");
    expect(nodeCost(node("r", null, { kind: "MANAGER", state: "WORKING", costCredits: 0 }))).toBe("no fee");
  });
});
