import "server-only";
import { db, type Tx } from "../../db";

/**
 * Returns a failed or canceled task's hold to the wallet. Only a HELD hold
 * can be released (conditional update), so replays and a race with
 * captureHold change nothing.
 */
export async function releaseHold(input: { taskId: string; reason: string }): Promise<{ released: boolean }> {
  return db.$transaction(async (tx) => ({ released: (await releaseHoldIn(tx, input)).released }));
}

/**
 * releaseHold inside the caller's transaction (the one recording the task's
 * end): one statement, bureau_release_hold (shared with the task hot path's
 * bureau_write_task), which claims the hold and moves holds -> wallet with
 * both accounts locked in id order.
 */
export type ReleaseResult = { released: false } | { released: true; holdId: string; amount: number; reason: string };

export async function releaseHoldIn(tx: Tx, input: { taskId: string; reason: string }): Promise<ReleaseResult> {
  const [row] = await tx.$queryRaw<{ release: Omit<Extract<ReleaseResult, { released: true }>, "released"> | null }[]>`
    SELECT bureau_release_hold(${input.taskId}, ${input.reason}, ${new Date().toISOString()}::timestamp) AS release`;
  const release = row?.release;
  return release ? { released: true, ...release } : { released: false };
}
