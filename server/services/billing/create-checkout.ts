import "server-only";
import { db } from "../../db";
import { appUrl } from "../../env";
import { DomainError } from "../../errors";
import { getStripe, stripeRefusal } from "../../stripe/client";
import { findCreditPack } from "./credit-packs";

/**
 * Starts buying a credit pack: records the purchase, then opens a Stripe
 * Checkout Session (mode payment) for it. Credits arrive later, from the
 * signed webhook only. The idempotency key is the purchase id, so an SDK
 * retry never opens a second session for one click.
 */
export async function createCheckout(input: {
  orgId: string;
  userId: string;
  packId: string;
}): Promise<{ url: string; sessionId: string }> {
  const pack = findCreditPack(input.packId);
  if (!pack)
    throw new DomainError(
      "invalid_input",
      "That credit pack is not for sale. Reload the page to see the current packs.",
    );
  const stripe = getStripe();
  const purchase = await db.purchase.create({
    data: {
      orgId: input.orgId,
      userId: input.userId,
      packId: pack.id,
      credits: pack.credits,
      amountCents: pack.priceCents,
      currency: pack.currency,
    },
    select: { id: true },
  });
  const metadata = { purchaseId: purchase.id, orgId: input.orgId };
  try {
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: pack.currency,
              unit_amount: pack.priceCents,
              product_data: { name: `${pack.credits.toLocaleString("en-US")} Bureau credits` },
            },
          },
        ],
        client_reference_id: input.orgId,
        metadata,
        // The charge's payment intent carries the purchase id, so a refund
        // finds its purchase even if it arrives before the fulfilment.
        payment_intent_data: { metadata },
        success_url: `${appUrl()}/credits/return?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${appUrl()}/credits?checkout=canceled`,
      },
      { idempotencyKey: `checkout:${purchase.id}` },
    );
    if (!session.url) throw new Error("Stripe returned a Checkout Session without a URL.");
    await db.purchase.update({
      where: { id: purchase.id },
      data: { stripeCheckoutSessionId: session.id, checkoutUrl: session.url },
    });
    return { url: session.url, sessionId: session.id };
  } catch (error) {
    await db.purchase.update({ where: { id: purchase.id }, data: { status: "FAILED" } });
    throw stripeRefusal(error);
  }
}
