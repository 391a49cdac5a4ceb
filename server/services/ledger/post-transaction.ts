import "server-only";
import type { Tx } from "../../db";
import { lockAccounts } from "./lock-balance";

export interface LedgerLine {
  accountId: string;
  /** Signed integer credits; the lines of one transaction sum to zero. */
  amount: number;
}

export interface PostTransactionInput {
  /** Unique per business event: posting the same key twice is a no-op. */
  key: string;
  kind: string;
  orgId: string | null;
  memo?: string;
  lines: LedgerLine[];
}

export class UnbalancedTransactionError extends Error {
  constructor(sum: number) {
    super(`Ledger transaction does not balance (sum ${sum}).`);
  }
}

/**
 * Writes one balanced transaction and moves the cached balances with it.
 * Must run inside the caller's database transaction. Returns false when the
 * key was already posted (a replay), in which case nothing changed.
 *
 * Two statements whatever the number of lines: the accounts are locked in id
 * order (lockAccounts; skipped when the caller already holds those locks),
 * then one statement inserts the transaction, its entries and moves the
 * balances, all conditional on the key being new.
 */
export async function postTransaction(
  tx: Tx,
  input: PostTransactionInput,
  opts: { accountsLocked?: boolean } = {},
): Promise<boolean> {
  const sum = input.lines.reduce((total, line) => total + line.amount, 0);
  if (sum !== 0 || input.lines.some((line) => !Number.isSafeInteger(line.amount))) {
    throw new UnbalancedTransactionError(sum);
  }
  const accountIds = input.lines.map((line) => line.accountId);
  if (!opts.accountsLocked) await lockAccounts(tx, accountIds);
  // One balance change per account (a transaction may name an account twice).
  const perAccount = new Map<string, number>();
  for (const line of input.lines) perAccount.set(line.accountId, (perAccount.get(line.accountId) ?? 0) + line.amount);
  // A unique insert, not check-then-write: concurrent replays cannot both win.
  const rows = await tx.$queryRaw<{ posted: number }[]>`
    WITH t AS (
      INSERT INTO "LedgerTransaction" (id, key, kind, "orgId", memo)
      VALUES (${crypto.randomUUID()}, ${input.key}, ${input.kind}, ${input.orgId}, ${input.memo ?? null})
      ON CONFLICT (key) DO NOTHING
      RETURNING id
    ), e AS (
      INSERT INTO "LedgerEntry" ("transactionId", "accountId", amount)
      SELECT t.id, l.account, l.amount
      FROM t, unnest(${accountIds}::text[], ${input.lines.map((l) => l.amount)}::int[]) AS l(account, amount)
      RETURNING 1
    ), u AS (
      UPDATE "LedgerAccount" a SET balance = a.balance + b.amount
      FROM t, unnest(${[...perAccount.keys()]}::text[], ${[...perAccount.values()]}::int[]) AS b(account, amount)
      WHERE a.id = b.account
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM t)::int AS posted, (SELECT count(*) FROM e)::int AS entries,
           (SELECT count(*) FROM u)::int AS moved`;
  return (rows[0]?.posted ?? 0) > 0;
}

/** The common two-line transaction: `amount` credits from one account to another. */
export function postTransfer(
  tx: Tx,
  input: Omit<PostTransactionInput, "lines"> & { from: string; to: string; amount: number },
  opts: { accountsLocked?: boolean } = {},
): Promise<boolean> {
  const { from, to, amount, ...rest } = input;
  return postTransaction(
    tx,
    {
      ...rest,
      lines: [
        { accountId: from, amount: -amount },
        { accountId: to, amount },
      ],
    },
    opts,
  );
}
