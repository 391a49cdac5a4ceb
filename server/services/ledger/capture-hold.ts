import "server-only";
import { db, type Tx } from "../../db";
import { env } from "../../env";
import { splitCapture } from "./math";

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
 * task's end, so state and money commit together). One statement,
 * bureau_capture_hold (shared with the task hot path's bureau_write_task):
 * claim the hold by a conditional update that records the split, lock the
 * three accounts in id order, post. The hot rows (the org's holds account,
 * the seller's pending account, platform revenue) are locked last, so call
 * it at the end of the transaction.
 */
export type CaptureResult =
  { captured: false } | { captured: true; holdId: string; amount: number; sellerAmount: number; feeAmount: number };

type Captured = Omit<Extract<CaptureResult, { captured: true }>, "captured">;

export async function captureHoldIn(tx: Tx, input: { taskId: string }): Promise<CaptureResult> {
  const now = new Date();
  const terms = captureTerms(now);
  const [row] = await tx.$queryRaw<{ capture: Captured | null }[]>`
    SELECT bureau_capture_hold(${input.taskId}, ${now.toISOString()}::timestamp, ${terms.availableAt}::timestamp,
      ${terms.feeBps}::int) AS capture`;
  const capture = row?.capture;
  if (!capture) return { captured: false };
  checkSplit(input.taskId, capture);
  return { captured: true, ...capture };
}

/** When a capture made now matures, as the SQL functions take it (ISO 8601, UTC). */
export function captureTerms(now: Date): { availableAt: string; feeBps: number } {
  return {
    availableAt: new Date(now.getTime() + env.EARNINGS_HOLD_DAYS * DAY_MS).toISOString(),
    feeBps: env.PLATFORM_FEE_BPS,
  };
}

/** The database's split is splitCapture's (the fee rounds down, the seller gets the rest), or the capture fails. */
export function checkSplit(taskId: string, capture: Captured): void {
  const { fee, seller } = splitCapture(capture.amount, env.PLATFORM_FEE_BPS);
  if (fee !== capture.feeAmount || seller !== capture.sellerAmount)
    throw new Error(`Capture split mismatch for task ${taskId}.`);
}
