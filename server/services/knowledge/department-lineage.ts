import "server-only";
import { db } from "../../db";

/**
 * Walks the org's department tree (a recursive CTE on Department.parentId,
 * always inside the org) for the knowledge scope rule.
 */

/** The given departments of the org and every department above them. */
export async function departmentsAbove(orgId: string, departmentIds: readonly string[]): Promise<string[]> {
  if (departmentIds.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE up AS (
      SELECT d.id, d."parentId" FROM "Department" d
      WHERE d."orgId" = ${orgId} AND d.id = ANY(${[...departmentIds]}::text[])
      UNION
      SELECT p.id, p."parentId" FROM "Department" p JOIN up ON p.id = up."parentId"
      WHERE p."orgId" = ${orgId}
    )
    SELECT id FROM up`;
  return rows.map((r) => r.id);
}

/**
 * The departments a member leads with the teams under them (their reach to
 * write), and the departments above those (read only: what the tasks of
 * the departments they lead see).
 */
export async function departmentsLedBy(
  orgId: string,
  userId: string,
): Promise<{ withTeams: string[]; above: string[] }> {
  const rows = await db.$queryRaw<{ id: string; reach: "down" | "up" }[]>`
    WITH RECURSIVE led AS (
      SELECT d.id, d."parentId" FROM "DepartmentLead" l JOIN "Department" d ON d.id = l."departmentId"
      WHERE l."userId" = ${userId} AND d."orgId" = ${orgId}
    ),
    down AS (
      SELECT id FROM led
      UNION
      SELECT c.id FROM "Department" c JOIN down ON c."parentId" = down.id WHERE c."orgId" = ${orgId}
    ),
    up AS (
      SELECT p.id, p."parentId" FROM "Department" p JOIN led ON p.id = led."parentId" WHERE p."orgId" = ${orgId}
      UNION
      SELECT p.id, p."parentId" FROM "Department" p JOIN up ON p.id = up."parentId" WHERE p."orgId" = ${orgId}
    )
    SELECT id, 'down' AS reach FROM down
    UNION ALL
    SELECT id, 'up' AS reach FROM up`;
  const withTeams = rows.filter((r) => r.reach === "down").map((r) => r.id);
  const down = new Set(withTeams);
  return { withTeams, above: rows.filter((r) => r.reach === "up" && !down.has(r.id)).map((r) => r.id) };
}
