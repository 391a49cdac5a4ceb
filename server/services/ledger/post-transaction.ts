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
 *
 * One statement whatever the number of lines: bureau_post_ledger (the
 * ledger's one implementation, shared with the task hot path's functions;
 * see the task_hot_path_functions migration) locks the accounts in id order
 * (skipped when the caller already holds those locks), then inserts the
 * transaction and its entries and moves the balances, all conditional on the
 * key being new.
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
  const rows = await tx.$queryRaw<{ posted: boolean }[]>`
    SELECT bureau_post_ledger(${input.key}, ${input.kind}, ${input.orgId}, ${input.memo ?? null},
      ${input.lines.map((l) => l.accountId)}::text[], ${input.lines.map((l) => l.amount)}::int[],
      ${opts.accountsLocked === true}) AS posted`;
  return rows[0]?.posted === true;
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
