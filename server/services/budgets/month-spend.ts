import "server-only";
import type { Db, Tx } from "../../db";
import { monthStart } from "../ledger/math";

/**
 * Credits an org (or one of its departments) has committed this UTC month:
 * what was captured since the month began plus everything still on hold.
 */
export async function monthSpend(
  client: Db | Tx,
  input: { orgId: string; departmentId: string | null; now: Date },
): Promise<number> {
  const result = await client.creditHold.aggregate({
    where: {
      orgId: input.orgId,
      ...(input.departmentId ? { departmentId: input.departmentId } : {}),
      OR: [{ status: "HELD" }, { status: "CAPTURED", settledAt: { gte: monthStart(input.now) } }],
    },
    _sum: { amount: true },
  });
  return result._sum.amount ?? 0;
}
