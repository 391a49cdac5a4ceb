import "server-only";
import { db } from "../../db";
import { eventTransaction } from "../events/event-transaction";
import { logger } from "../../logger";
import { getStripe } from "../../stripe/client";
import { ZStripeCheckoutSession, type StripeCheckoutSession } from "../../stripe/objects";
import { recordAudit } from "../audit/record-audit";
import { creditPurchase } from "../ledger/stripe-movements";

export type CheckoutOutcome =
  "credited" | "already_credited" | "awaiting_payment" | "expired" | "failed" | "not_ours" | "mismatch";

function chargeOf(session: StripeCheckoutSession) {
  const intent = session.payment_intent;
  if (!intent || typeof intent === "string")
    return { stripePaymentIntentId: intent ?? null, stripeChargeId: null, receiptUrl: null };
  const charge = intent.latest_charge;
  return {
    stripePaymentIntentId: intent.id,
    stripeChargeId: typeof charge === "string" ? charge : (charge?.id ?? null),
    receiptUrl: typeof charge === "object" && charge ? (charge.receipt_url ?? null) : null,
  };
}

/**
 * Reconciles a purchase with its Checkout Session as Stripe reports it now
 * (re-fetched, never taken from the webhook body). Paid: credits the wallet
 * once, guarded by the conditional OPEN -> PAID update and the ledger key
 * "purchase:<session id>", so any number of concurrent or late deliveries
 * credit exactly once. Expired, or its delayed payment failed: marked so.
 */
export async function syncCheckoutSession({
  sessionId,
  paymentFailed = false,
}: {
  sessionId: string;
  /** Set from checkout.session.async_payment_failed: the session alone looks the same as one still awaiting payment. */
  paymentFailed?: boolean;
}): Promise<{ outcome: CheckoutOutcome }> {
  const session = ZStripeCheckoutSession.parse(
    await getStripe().checkout.sessions.retrieve(sessionId, { expand: ["payment_intent.latest_charge"] }),
  );
  const purchaseId = session.metadata.purchaseId;
  const purchase = purchaseId ? await db.purchase.findUnique({ where: { id: purchaseId } }) : null;
  if (!purchase) return { outcome: "not_ours" };
  if (session.amount_total !== purchase.amountCents || session.currency !== purchase.currency) {
    logger.error({ sessionId, purchaseId }, "checkout session amount does not match its purchase; not crediting");
    return { outcome: "mismatch" };
  }

  if (session.payment_status === "paid" || session.payment_status === "no_payment_required") {
    return eventTransaction(async (tx) => {
      const claimed = await tx.purchase.updateMany({
        where: { id: purchase.id, status: { in: ["OPEN", "EXPIRED", "FAILED"] } },
        data: { status: "PAID", paidAt: new Date(), stripeCheckoutSessionId: session.id, ...chargeOf(session) },
      });
      if (claimed.count === 0) return { outcome: "already_credited" as const };
      await creditPurchase(tx, {
        orgId: purchase.orgId,
        key: `purchase:${session.id}`,
        credits: purchase.credits,
        memo: `Stripe Checkout ${session.id}`,
      });
      await recordAudit(tx, {
        orgId: purchase.orgId,
        actorUserId: purchase.userId,
        action: "credits.purchased",
        target: purchase.id,
        data: { credits: purchase.credits, amountCents: purchase.amountCents, currency: purchase.currency },
      });
      return { outcome: "credited" as const };
    });
  }

  const closed = session.status === "expired" ? "EXPIRED" : paymentFailed ? "FAILED" : null;
  if (!closed) return { outcome: "awaiting_payment" };
  await db.purchase.updateMany({ where: { id: purchase.id, status: "OPEN" }, data: { status: closed } });
  return { outcome: closed === "EXPIRED" ? "expired" : "failed" };
}
