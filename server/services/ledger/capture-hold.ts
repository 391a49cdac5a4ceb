import "server-only";
import { db, type Tx } from "../../db";
import { env } from "../../env";
import { orgAccountId, platformAccountId } from "./accounts";
import { splitCapture } from "./math";
import { postTransaction } from "./post-transaction";

const DAY_MS = 86_400_000;

/**
 * Settles a finished task: the held price goes to the seller's pending
 * earnings and the platform's revenue (PLATFORM_FEE_BPS, remainder to the
 * seller). Only a HELD hold can be captured, by a conditional update, so a
 * replay or a race with releaseHold changes nothing. The earning becomes
 * available after EARNINGS_HOLD_DAYS (releaseMaturedEarnings).
 */
export async function captureHold(input: { taskId: string }): Promise<{ captured: boolean }> {
  // The caller of this form only needs to know whether it captured.
  return db.$transaction(async (tx) => ({ captured: (await captureHoldIn(tx, input)).captured }));
}

/**
 * captureHold inside the caller's transaction (the one that records the
 * task's end, so state and money commit together). Three statements: claim
 * the hold, lock the three accounts in id order, post. The hot rows (the
 * org's holds account, the seller's pending account, platform revenue) are
 * locked last, so call it at the end of the transaction.
 */
export type CaptureResult =
  { captured: false } | { captured: true; holdId: string; amount: number; sellerAmount: number; feeAmount: number };

export async function captureHoldIn(tx: Tx, input: { taskId: string }): Promise<CaptureResult> {
  const now = new Date();
  const availableAt = new Date(now.getTime() + env.EARNINGS_HOLD_DAYS * DAY_MS);
  const bps = env.PLATFORM_FEE_BPS;
  // One conditional statement claims the hold and records the split, so a
  // replay or a racing release finds nothing to claim. The split is
  // splitCapture's (floor of the fee), checked below.
  const claimed = await tx.$queryRaw<{ id: string; orgId: string; amount: number; sellerOrgId: string; fee: number }[]>`
    UPDATE "CreditHold" h
    SET status = 'CAPTURED', "settledAt" = ${now}, "sellerOrgId" = a."orgId", "availableAt" = ${availableAt},
        "feeAmount" = (h.amount::bigint * ${bps}::int / 10000)::int,
        "sellerAmount" = h.amount - (h.amount::bigint * ${bps}::int / 10000)::int,
        "updatedAt" = ${now}
    FROM "Task" t JOIN "Agent" a ON a.id = t."agentId"
    WHERE h."taskId" = ${input.taskId} AND h.status = 'HELD' AND t.id = h."taskId"
    RETURNING h.id, h."orgId", h.amount, a."orgId" AS "sellerOrgId", h."feeAmount" AS fee`;
  const hold = claimed[0];
  if (!hold) return { captured: false };
  const { fee, seller } = splitCapture(hold.amount, bps);
  if (fee !== hold.fee) throw new Error(`Capture split mismatch for task ${input.taskId}.`);
  const holds = await orgAccountId(tx, hold.orgId, "ORG_HOLDS");
  const pending = await orgAccountId(tx, hold.sellerOrgId, "SELLER_PENDING");
  const revenue = await platformAccountId(tx, "PLATFORM_REVENUE");
  await postTransaction(tx, {
    key: `capture:${input.taskId}`,
    kind: "capture",
    orgId: hold.orgId,
    lines: [
      { accountId: holds, amount: -hold.amount },
      { accountId: pending, amount: seller },
      { accountId: revenue, amount: fee },
    ].filter((line) => line.amount !== 0),
  });
  return { captured: true, holdId: hold.id, amount: hold.amount, sellerAmount: seller, feeAmount: fee };
}
