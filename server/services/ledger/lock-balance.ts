import "server-only";
import type { Tx } from "../../db";

/**
 * Locks ledger account rows until the caller's transaction ends, always in
 * id order, and returns their balances as of the lock. Every ledger movement
 * locks all the accounts it will change this way before changing any, so
 * two movements sharing accounts (a hold and a release of one org, captures
 * of one seller) queue up instead of deadlocking, and each sees the balance
 * the previous one left. Postgres locks rows in the order the sort returns
 * them (the lock sits above the sort in the plan).
 */
export async function lockAccounts(tx: Tx, accountIds: readonly string[]): Promise<Map<string, number>> {
  const ids = [...new Set(accountIds)].sort();
  const rows = await tx.$queryRaw<{ id: string; balance: number }[]>`
    SELECT id, balance FROM "LedgerAccount" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
  const balances = new Map(rows.map((row) => [row.id, Number(row.balance)]));
  const missing = ids.find((id) => !balances.has(id));
  if (missing) throw new Error(`Ledger account ${missing} does not exist.`);
  return balances;
}

/** Locks one account (see lockAccounts) and returns its balance. */
export async function lockBalance(tx: Tx, accountId: string): Promise<number> {
  return (await lockAccounts(tx, [accountId])).get(accountId)!;
}
