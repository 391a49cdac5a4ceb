import "server-only";
import type { Tx } from "../../db";

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
 */
export async function postTransaction(tx: Tx, input: PostTransactionInput): Promise<boolean> {
  const sum = input.lines.reduce((total, line) => total + line.amount, 0);
  if (sum !== 0 || input.lines.some((line) => !Number.isSafeInteger(line.amount))) {
    throw new UnbalancedTransactionError(sum);
  }
  const id = crypto.randomUUID();
  // A unique insert, not check-then-write: concurrent replays cannot both win.
  const inserted = await tx.ledgerTransaction.createMany({
    data: [{ id, key: input.key, kind: input.kind, orgId: input.orgId, memo: input.memo ?? null }],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return false;
  await tx.ledgerEntry.createMany({
    data: input.lines.map((line) => ({ transactionId: id, accountId: line.accountId, amount: line.amount })),
  });
  for (const line of input.lines) {
    await tx.ledgerAccount.update({ where: { id: line.accountId }, data: { balance: { increment: line.amount } } });
  }
  return true;
}

/** The common two-line transaction: `amount` credits from one account to another. */
export function postTransfer(
  tx: Tx,
  input: Omit<PostTransactionInput, "lines"> & { from: string; to: string; amount: number },
): Promise<boolean> {
  const { from, to, amount, ...rest } = input;
  return postTransaction(tx, {
    ...rest,
    lines: [
      { accountId: from, amount: -amount },
      { accountId: to, amount },
    ],
  });
}
