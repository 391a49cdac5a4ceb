import "server-only";
import type { Tx } from "../../db";

/**
 * Locks a ledger account row until the caller's transaction ends and returns
 * its balance as of the lock. Every operation that must not overdraw an
 * account takes this lock first, so concurrent ones on the same account
 * queue up and each sees the balance the previous one left.
 */
export async function lockBalance(tx: Tx, accountId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ balance: number }[]>`
    SELECT balance FROM "LedgerAccount" WHERE id = ${accountId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new Error(`Ledger account ${accountId} does not exist.`);
  return Number(row.balance);
}
