import "server-only";
import { db } from "../../db";
import { syncCheckoutSession } from "./sync-checkout-session";

const MINUTE = 60_000;

/**
 * Re-checks purchases still open 15 minutes after they started, in case
 * their webhook was lost. Older than 15 minutes: Stripe's own delivery (and
 * its first retries) had their chance, and a buyer still on Checkout is left
 * alone. Newer than 6 hours: by then this sweep has re-checked the purchase
 * many times, so going further back only makes every pass slower.
 */
export async function sweepOpenCheckouts({ now }: { now: Date }): Promise<{ checked: number; credited: number }> {
  const open = await db.purchase.findMany({
    where: {
      status: "OPEN",
      stripeCheckoutSessionId: { not: null },
      createdAt: { lt: new Date(now.getTime() - 15 * MINUTE), gt: new Date(now.getTime() - 360 * MINUTE) },
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { stripeCheckoutSessionId: true },
  });
  let credited = 0;
  for (const { stripeCheckoutSessionId } of open) {
    if (!stripeCheckoutSessionId) continue;
    const { outcome } = await syncCheckoutSession({ sessionId: stripeCheckoutSessionId });
    if (outcome === "credited") credited += 1;
  }
  return { checked: open.length, credited };
}
