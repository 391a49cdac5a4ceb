import "server-only";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { TaskKind, TaskState } from "../../generated/prisma/enums";

/** How many levels a tree is read to: a root (depth 0) and its children down to the deepest allowed, 5. */
export const TREE_MAX_LEVELS = 6;
/** Nodes read at most; a wider tree says it was cut (`truncated`). */
export const TREE_MAX_NODES = 500;

/** One task of a tree: who ran it, how it went, what it cost, and what it asked of others. */
export interface TaskTreeNode {
  id: string;
  parentId: string | null;
  depth: number;
  kind: TaskKind;
  state: TaskState;
  departmentId: string | null;
  agent: { slug: string; name: string };
  price: number;
  /** Credits this task holds or was charged (a released or absent hold: 0). */
  costCredits: number;
  /** This task and everything below it, held plus captured. */
  totalCostCredits: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  children: TaskTreeNode[];
}

export interface TaskTree {
  root: TaskTreeNode;
  /** Tasks in the tree, the root included (all of them, even when `truncated`). */
  nodeCount: number;
  /** Held plus captured, across the whole tree (even when `truncated`). */
  totalCostCredits: number;
  /** More than TREE_MAX_NODES nodes: only the first (level by level) are in `root`. */
  truncated: boolean;
}

interface Row {
  id: string;
  parentTaskId: string | null;
  depth: number;
  kind: TaskKind;
  state: TaskState;
  departmentId: string | null;
  agentSlug: string;
  agentName: string;
  price: number;
  costCredits: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  treeTotal: number;
  treeSize: number;
}

/**
 * A task and everything below it (its children, theirs, … at most
 * TREE_MAX_LEVELS levels), one recursive query, org-scoped at every level:
 * another org's task is null. A hold counts while HELD and once CAPTURED.
 */
export async function getTaskTree({ orgId, taskId }: { orgId: string; taskId: string }): Promise<TaskTree | null> {
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT t.id, 0 AS level FROM "Task" t WHERE t.id = ${taskId} AND t."orgId" = ${orgId}
      UNION ALL
      SELECT c.id, tree.level + 1 FROM "Task" c JOIN tree ON c."parentTaskId" = tree.id
      WHERE c."orgId" = ${orgId} AND tree.level < ${TREE_MAX_LEVELS - 1}
    )
    SELECT t.id, t."parentTaskId", t.depth, t.kind::text AS kind, t.state::text AS state, t."departmentId",
           a.slug AS "agentSlug",
           -- A request's "agent" is its department's manager.
           CASE WHEN t.kind = 'MANAGER' THEN coalesce(d.name, 'Company') || ' manager' ELSE a.name END AS "agentName",
           t.price,
           (CASE WHEN h.status IN ('HELD', 'CAPTURED') THEN h.amount ELSE 0 END)::int AS "costCredits",
           t."createdAt", t."startedAt", t."finishedAt",
           -- Over the whole tree, before the LIMIT: exact even when the nodes are cut.
           (sum(CASE WHEN h.status IN ('HELD', 'CAPTURED') THEN h.amount ELSE 0 END) OVER ())::int AS "treeTotal",
           (count(*) OVER ())::int AS "treeSize"
    FROM tree JOIN "Task" t ON t.id = tree.id JOIN "Agent" a ON a.id = t."agentId"
    LEFT JOIN "Department" d ON d.id = t."departmentId"
    LEFT JOIN "CreditHold" h ON h."taskId" = t.id
    ORDER BY tree.level, t."createdAt", t.id
    LIMIT ${TREE_MAX_NODES + 1}`);
  if (rows.length === 0) return null;
  const truncated = rows.length > TREE_MAX_NODES;
  const nodes = new Map<string, TaskTreeNode>();
  for (const row of rows.slice(0, TREE_MAX_NODES)) {
    const node: TaskTreeNode = {
      id: row.id,
      parentId: row.parentTaskId,
      depth: row.depth,
      kind: row.kind,
      state: row.state,
      departmentId: row.departmentId,
      agent: { slug: row.agentSlug, name: row.agentName },
      price: row.price,
      costCredits: row.costCredits,
      totalCostCredits: row.costCredits,
      createdAt: row.createdAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      children: [],
    };
    // Rows come level by level: a parent is always placed before its children.
    if (nodes.size > 0 && row.parentTaskId) nodes.get(row.parentTaskId)?.children.push(node);
    nodes.set(node.id, node);
  }
  const root = nodes.get(rows[0]!.id)!;
  sumCosts(root);
  return { root, nodeCount: rows[0]!.treeSize, totalCostCredits: rows[0]!.treeTotal, truncated };
}

function sumCosts(node: TaskTreeNode): number {
  node.totalCostCredits = node.costCredits + node.children.reduce((sum, child) => sum + sumCosts(child), 0);
  return node.totalCostCredits;
}

/** The top of the tree a task belongs to (itself for a top task), in the org; null when not the org's. */
export async function treeRootOf({ orgId, taskId }: { orgId: string; taskId: string }): Promise<string | null> {
  const task = await db.task.findFirst({ where: { id: taskId, orgId }, select: { id: true, rootTaskId: true } });
  return task ? (task.rootTaskId ?? task.id) : null;
}

/** A task as GET /api/v1/tasks/{id} shows it: its own facts, its results, and its tree below it. */
export async function getTaskWithTree({ orgId, taskId }: { orgId: string; taskId: string }) {
  const [task, tree] = await Promise.all([
    db.task.findFirst({
      where: { id: taskId, orgId },
      select: {
        id: true,
        contextId: true,
        source: true,
        statusMessage: true,
        parentTaskId: true,
        rootTaskId: true,
        positionId: true,
        artifacts: {
          orderBy: { createdAt: "asc" },
          select: { artifactId: true, name: true, description: true, parts: true },
        },
      },
    }),
    getTaskTree({ orgId, taskId }),
  ]);
  if (!task || !tree) return null;
  return { ...task, tree };
}
