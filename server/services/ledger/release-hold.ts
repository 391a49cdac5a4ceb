import "server-only";
import { db } from "../../db";
import { orgAccount } from "./accounts";
import { postTransfer } from "./post-transaction";

/**
 * Returns a failed or canceled task's hold to the wallet. Only a HELD hold
 * can be released (conditional update), so replays and a race with
 * captureHold change nothing.
 */
export async function releaseHold(input: { taskId: string; reason: string }): Promise<{ released: boolean }> {
  return db.$transaction(async (tx) => {
    const hold = await tx.creditHold.findUnique({
      where: { taskId: input.taskId },
      select: { id: true, orgId: true, amount: true },
    });
    if (!hold) return { released: false };
    const claimed = await tx.creditHold.updateMany({
      where: { id: hold.id, status: "HELD" },
      data: { status: "RELEASED", settledAt: new Date(), releaseReason: input.reason.slice(0, 500) },
    });
    if (claimed.count === 0) return { released: false };
    const wallet = await orgAccount(tx, hold.orgId, "ORG_WALLET");
    const holds = await orgAccount(tx, hold.orgId, "ORG_HOLDS");
    await postTransfer(tx, {
      key: `release:${input.taskId}`,
      kind: "release",
      orgId: hold.orgId,
      memo: input.reason.slice(0, 500),
      from: holds.id,
      to: wallet.id,
      amount: hold.amount,
    });
    return { released: true };
  });
}
