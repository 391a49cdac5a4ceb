import "server-only";
import type { TaskState } from "../../generated/prisma/enums";
import { queryRows } from "../tasks/sql-pool";

/** A child may sit at most this deep below its root (the root is depth 0). */
export const MAX_DELEGATION_DEPTH = 5;
/** Without a position's own figure, a task may have its tree spend this many times its price. */
export const DEFAULT_DELEGATION_MULTIPLE = 5;

/** A task as a delegation grant sees it: its place in the tree and what the tree may still spend. */
export interface GrantTask {
  id: string;
  orgId: string;
  agentId: string;
  state: TaskState;
  cancelRequested: boolean;
  createdAt: Date;
  depth: number;
  rootTaskId: string;
  /** The root's delegated budget: every hold below the root must fit in it. */
  capCredits: number;
  /** Held or captured below the root so far. */
  spentCredits: number;
}

/**
 * The root's delegated budget, as the accept checks it (every hold below
 * the root, HELD or CAPTURED, plus the new one, within treeCapCredits):
 * - an agent task: its position's delegation budget, else 5x its price;
 * - a manager task (a department request, no price of its own): what its
 *   route or plan parts cost plus each part's own delegated budget, so the
 *   parts themselves fit and each may delegate as if it were a root.
 * Spent is counted the way the accept counts it.
 */
const GRANT_TASK_SQL = `
  WITH t AS (
    SELECT id, "orgId", "agentId", state::text AS state, "cancelRequestedAt" IS NOT NULL AS "cancelRequested",
           "createdAt", depth, coalesce("rootTaskId", id) AS "rootTaskId"
    FROM "Task" WHERE id = $1 AND ($2::text IS NULL OR "orgId" = $2::text)
  )
  SELECT t.*,
    (CASE WHEN r.kind = 'MANAGER' THEN
       (SELECT coalesce(sum(h.amount
                            + coalesce(cp."delegationBudgetCredits", ${DEFAULT_DELEGATION_MULTIPLE} * c.price)), 0)
        FROM "Task" c JOIN "CreditHold" h ON h."taskId" = c.id LEFT JOIN "Position" cp ON cp.id = c."positionId"
        WHERE c."parentTaskId" = r.id AND h.status IN ('HELD', 'CAPTURED'))
     ELSE coalesce(rp."delegationBudgetCredits", ${DEFAULT_DELEGATION_MULTIPLE} * r.price) END)::int AS "capCredits",
    (SELECT coalesce(sum(h.amount), 0) FROM "Task" d JOIN "CreditHold" h ON h."taskId" = d.id
     WHERE d."rootTaskId" = t."rootTaskId" AND d.id <> t."rootTaskId" AND h.status IN ('HELD', 'CAPTURED'))::int
      AS "spentCredits"
  FROM t JOIN "Task" r ON r.id = t."rootTaskId" LEFT JOIN "Position" rp ON rp.id = r."positionId"`;

/** One statement on the hot pool; null when there is no such task (in that org, when given). */
export async function loadGrantTask(taskId: string, orgId?: string): Promise<GrantTask | null> {
  const [row] = await queryRows<GrantTask>({ text: GRANT_TASK_SQL, values: [taskId, orgId ?? null] });
  return row ?? null;
}

/** The agents of a task and every task above it, nearest first (bounded: a tree is at most 6 deep). */
export async function ancestorAgentIds(taskId: string): Promise<string[]> {
  const rows = await queryRows<{ agentId: string }>({
    text: `
      WITH RECURSIVE up AS (
        SELECT id, "agentId", "parentTaskId", 0 AS n FROM "Task" WHERE id = $1
        UNION ALL
        SELECT p.id, p."agentId", p."parentTaskId", up.n + 1 FROM "Task" p JOIN up ON p.id = up."parentTaskId"
        WHERE up.n < ${MAX_DELEGATION_DEPTH + 1}
      )
      SELECT "agentId" FROM up ORDER BY n`,
    values: [taskId],
  });
  return rows.map((r) => r.agentId);
}
