import "server-only";
import { db } from "../../../db";
import { monthStart } from "../../ledger/math";
import { DepartmentTree, type TreeNode } from "./department-tree";

/** A department's month: its own spend and tasks, and the spend its budget counts (itself and every team below). */
export interface DepartmentMonth {
  spentCredits: number;
  rolledUpSpentCredits: number;
  tasks: number;
}

/**
 * This UTC month per department of the org, as the budgets count it: what
 * was captured since the month began plus everything still on hold (the
 * same rule as bureau_check_hold), and the tasks started this month.
 */
export async function departmentMonths(orgId: string, nodes: readonly TreeNode[], now: Date) {
  const since = monthStart(now);
  const [holds, tasks] = await Promise.all([
    db.creditHold.groupBy({
      by: ["departmentId"],
      where: {
        orgId,
        departmentId: { not: null },
        OR: [{ status: "HELD" }, { status: "CAPTURED", settledAt: { gte: since } }],
      },
      _sum: { amount: true },
    }),
    db.task.groupBy({
      by: ["departmentId"],
      where: { orgId, departmentId: { not: null }, createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);
  const spent = new Map(holds.map((h) => [h.departmentId, h._sum.amount ?? 0]));
  const started = new Map(tasks.map((t) => [t.departmentId, t._count._all]));
  const tree = new DepartmentTree(nodes);
  const months = new Map<string, DepartmentMonth>();
  for (const node of nodes)
    months.set(node.id, {
      spentCredits: spent.get(node.id) ?? 0,
      rolledUpSpentCredits: tree.subtree(node.id).reduce((sum, id) => sum + (spent.get(id) ?? 0), 0),
      tasks: started.get(node.id) ?? 0,
    });
  return months;
}
