import "server-only";
import { db, type Tx } from "../../db";
import { orgAccountId } from "./accounts";
import { postTransfer } from "./post-transaction";

/**
 * Returns a failed or canceled task's hold to the wallet. Only a HELD hold
 * can be released (conditional update), so replays and a race with
 * captureHold change nothing.
 */
export async function releaseHold(input: { taskId: string; reason: string }): Promise<{ released: boolean }> {
  return db.$transaction(async (tx) => ({ released: (await releaseHoldIn(tx, input)).released }));
}

/** releaseHold inside the caller's transaction (the one recording the task's end). */
export type ReleaseResult = { released: false } | { released: true; holdId: string; amount: number; reason: string };

export async function releaseHoldIn(tx: Tx, input: { taskId: string; reason: string }): Promise<ReleaseResult> {
  const reason = input.reason.slice(0, 500);
  const now = new Date();
  const claimed = await tx.$queryRaw<{ id: string; orgId: string; amount: number }[]>`
    UPDATE "CreditHold" SET status = 'RELEASED', "settledAt" = ${now}, "releaseReason" = ${reason}, "updatedAt" = ${now}
    WHERE "taskId" = ${input.taskId} AND status = 'HELD'
    RETURNING id, "orgId", amount`;
  const hold = claimed[0];
  if (!hold) return { released: false };
  const wallet = await orgAccountId(tx, hold.orgId, "ORG_WALLET");
  const holds = await orgAccountId(tx, hold.orgId, "ORG_HOLDS");
  await postTransfer(tx, {
    key: `release:${input.taskId}`,
    kind: "release",
    orgId: hold.orgId,
    memo: reason,
    from: holds,
    to: wallet,
    amount: hold.amount,
  });
  return { released: true, holdId: hold.id, amount: hold.amount, reason };
}
