import "server-only";
import type { Db, Tx } from "../../db";

export interface LedgerCheck {
  ok: boolean;
  /** Transactions whose entries do not sum to zero (or that have none). */
  unbalancedTransactions: string[];
  /** Accounts whose cached balance differs from the sum of their entries. */
  mismatchedAccounts: { id: string; cached: number; derived: number }[];
}

/**
 * Proves the ledger's two invariants from the entries themselves: every
 * transaction balances, and every cached balance equals its derived one.
 */
export async function checkLedger(client: Db | Tx): Promise<LedgerCheck> {
  const unbalanced = await client.$queryRaw<{ id: string }[]>`
    SELECT t.id FROM "LedgerTransaction" t LEFT JOIN "LedgerEntry" e ON e."transactionId" = t.id
    GROUP BY t.id HAVING count(e.id) = 0 OR sum(e.amount) <> 0 LIMIT 100`;
  const mismatched = await client.$queryRaw<{ id: string; cached: number; derived: bigint }[]>`
    SELECT a.id, a.balance AS cached, COALESCE(sum(e.amount), 0) AS derived
    FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a.id
    GROUP BY a.id, a.balance HAVING a.balance <> COALESCE(sum(e.amount), 0) LIMIT 100`;
  return {
    ok: unbalanced.length === 0 && mismatched.length === 0,
    unbalancedTransactions: unbalanced.map((row) => row.id),
    mismatchedAccounts: mismatched.map((row) => ({
      id: row.id,
      cached: Number(row.cached),
      derived: Number(row.derived),
    })),
  };
}
