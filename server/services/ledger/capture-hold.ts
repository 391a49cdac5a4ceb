import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import { orgAccount, platformAccount } from "./accounts";
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
  return db.$transaction(async (tx) => {
    const hold = await tx.creditHold.findUnique({
      where: { taskId: input.taskId },
      select: {
        id: true,
        orgId: true,
        amount: true,
        status: true,
        task: { select: { agent: { select: { orgId: true } } } },
      },
    });
    if (!hold || hold.status !== "HELD") return { captured: false };
    const sellerOrgId = hold.task.agent.orgId;
    const { fee, seller } = splitCapture(hold.amount, env.PLATFORM_FEE_BPS);
    const now = new Date();
    const claimed = await tx.creditHold.updateMany({
      where: { id: hold.id, status: "HELD" },
      data: {
        status: "CAPTURED",
        settledAt: now,
        sellerOrgId,
        sellerAmount: seller,
        feeAmount: fee,
        availableAt: new Date(now.getTime() + env.EARNINGS_HOLD_DAYS * DAY_MS),
      },
    });
    if (claimed.count === 0) return { captured: false };

    const holds = await orgAccount(tx, hold.orgId, "ORG_HOLDS");
    const pending = await orgAccount(tx, sellerOrgId, "SELLER_PENDING");
    const revenue = await platformAccount(tx, "PLATFORM_REVENUE");
    await postTransaction(tx, {
      key: `capture:${input.taskId}`,
      kind: "capture",
      orgId: hold.orgId,
      lines: [
        { accountId: holds.id, amount: -hold.amount },
        { accountId: pending.id, amount: seller },
        { accountId: revenue.id, amount: fee },
      ].filter((line) => line.amount !== 0),
    });
    return { captured: true };
  });
}
