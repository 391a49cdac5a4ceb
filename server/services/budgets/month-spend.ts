import "server-only";
import type { Db, Tx } from "../../db";
import { monthStart } from "../ledger/math";

/**
 * Credits an org (or one of its departments) has committed this UTC month:
 * what was captured since the month began plus everything still on hold.
 * A department's spend rolls up, as its budget counts it (bureau_check_hold):
 * its own tasks and those of every team below it.
 */
export async function monthSpend(
  client: Db | Tx,
  input: { orgId: string; departmentId: string | null; now: Date },
): Promise<number> {
  const since = monthStart(input.now);
  if (!input.departmentId) {
    const result = await client.creditHold.aggregate({
      where: { orgId: input.orgId, OR: [{ status: "HELD" }, { status: "CAPTURED", settledAt: { gte: since } }] },
      _sum: { amount: true },
    });
    return result._sum.amount ?? 0;
  }
  const [row] = await client.$queryRaw<{ spent: bigint }[]>`
    WITH RECURSIVE subtree(id) AS (
      SELECT ${input.departmentId}::text
      UNION
      SELECT d.id FROM "Department" d JOIN subtree s ON d."parentId" = s.id WHERE d."orgId" = ${input.orgId}
    )
    SELECT coalesce(sum(h.amount), 0) AS spent FROM "CreditHold" h
    WHERE h."orgId" = ${input.orgId} AND h."departmentId" IN (SELECT id FROM subtree)
      AND (h.status = 'HELD' OR (h.status = 'CAPTURED' AND h."settledAt" >= ${since.toISOString()}::timestamp))`;
  return Number(row?.spent ?? 0);
}
