import "server-only";
import { db } from "../../db";
import { eventTransaction } from "../events/event-transaction";
import { orgAccount } from "./accounts";
import { recordEvent } from "../events/record-event";
import { postTransfer } from "./post-transaction";

/**
 * Moves every captured earning whose hold period has passed from the
 * seller's pending to available balance, one ledger transaction per task
 * ("mature:<taskId>"). Marking maturedAt is a conditional update in the same
 * transaction, so overlapping runs move each earning once.
 */
export async function releaseMaturedEarnings(input: {
  now: Date;
  limit?: number;
}): Promise<{ matured: number; credits: number }> {
  const due = await db.creditHold.findMany({
    where: { status: "CAPTURED", maturedAt: null, availableAt: { lte: input.now } },
    orderBy: { availableAt: "asc" },
    take: input.limit ?? 500,
    select: { id: true, taskId: true, sellerOrgId: true, sellerAmount: true },
  });
  let matured = 0;
  let credits = 0;
  for (const hold of due) {
    const moved = await eventTransaction(async (tx) => {
      const claimed = await tx.creditHold.updateMany({
        where: { id: hold.id, maturedAt: null },
        data: { maturedAt: input.now },
      });
      if (claimed.count === 0 || !hold.sellerOrgId || !hold.sellerAmount) return 0;
      const pending = await orgAccount(tx, hold.sellerOrgId, "SELLER_PENDING");
      const available = await orgAccount(tx, hold.sellerOrgId, "SELLER_AVAILABLE");
      await postTransfer(tx, {
        key: `mature:${hold.taskId}`,
        kind: "mature",
        orgId: hold.sellerOrgId,
        from: pending.id,
        to: available.id,
        amount: hold.sellerAmount,
      });
      await recordEvent(tx, {
        orgId: hold.sellerOrgId,
        type: "earnings.matured",
        subject: { type: "wallet", id: hold.sellerOrgId },
        actor: { kind: "system", id: "earnings" },
        data: { credits: hold.sellerAmount, taskId: hold.taskId },
      });
      return hold.sellerAmount;
    });
    if (moved > 0) {
      matured += 1;
      credits += moved;
    }
  }
  return { matured, credits };
}
