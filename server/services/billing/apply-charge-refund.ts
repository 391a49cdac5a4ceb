import "server-only";
import { db } from "../../db";
import { eventTransaction } from "../events/event-transaction";
import { getStripe } from "../../stripe/client";
import { ZStripeCharge } from "../../stripe/objects";
import { recordAudit } from "../audit/record-audit";
import { refundedCredits } from "../ledger/math";
import { debitRefund } from "../ledger/stripe-movements";
import { syncCheckoutSession } from "./sync-checkout-session";

export type RefundOutcome = "deducted" | "already_deducted" | "not_ours" | "not_paid";

/**
 * Applies a (full or partial) refund of a purchase's charge, re-fetched from
 * Stripe: the wallet loses the refunded credits, and may go negative if they
 * were already spent. The purchase's cumulative refundedCredits moves by a
 * compare-and-set and the ledger key carries the new total, so replays and
 * out-of-order deliveries deduct each refunded credit once. A refund seen
 * before its purchase was fulfilled fulfils it first.
 */
export async function applyChargeRefund({ chargeId }: { chargeId: string }): Promise<{ outcome: RefundOutcome }> {
  const charge = ZStripeCharge.parse(await getStripe().charges.retrieve(chargeId, { expand: ["payment_intent"] }));
  const intent = charge.payment_intent;
  const purchaseId = intent && typeof intent === "object" ? intent.metadata.purchaseId : undefined;
  let purchase = purchaseId ? await db.purchase.findUnique({ where: { id: purchaseId } }) : null;
  if (!purchase) return { outcome: "not_ours" };
  if (purchase.status === "OPEN" && purchase.stripeCheckoutSessionId) {
    await syncCheckoutSession({ sessionId: purchase.stripeCheckoutSessionId });
    purchase = await db.purchase.findUniqueOrThrow({ where: { id: purchase.id } });
  }
  if (!["PAID", "PARTIALLY_REFUNDED", "REFUNDED"].includes(purchase.status)) return { outcome: "not_paid" };

  const target = refundedCredits(purchase.credits, charge.amount, charge.amount_refunded);
  const { id, orgId, credits } = purchase;
  return eventTransaction(async (tx) => {
    // Lock the purchase so two refund events for one charge apply one after the other.
    await tx.$queryRaw`SELECT id FROM "Purchase" WHERE id = ${id} FOR UPDATE`;
    const current = await tx.purchase.findUniqueOrThrow({ where: { id }, select: { refundedCredits: true } });
    if (current.refundedCredits >= target) return { outcome: "already_deducted" as const };
    const delta = target - current.refundedCredits;
    await tx.purchase.update({
      where: { id },
      data: {
        refundedCredits: target,
        status: target >= credits ? "REFUNDED" : "PARTIALLY_REFUNDED",
        stripeChargeId: charge.id,
      },
    });
    await debitRefund(tx, {
      orgId,
      key: `refund:${id}:${target}`,
      credits: delta,
      memo: `Stripe refund of ${charge.id}`,
    });
    await recordAudit(tx, {
      orgId,
      actorUserId: null,
      action: "credits.refunded",
      target: id,
      data: { credits: delta, refundedCents: charge.amount_refunded, chargeId: charge.id },
    });
    return { outcome: "deducted" as const };
  });
}
