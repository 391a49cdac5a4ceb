import "server-only";
import { db } from "../../db";
import { appUrl } from "../../env";
import { getStripe, stripeRefusal } from "../../stripe/client";

/**
 * Returns a Stripe-hosted onboarding link for the seller org, creating its
 * connected account on first use. The account is created with the
 * idempotency key "connect-account:<orgId>" and stored with a unique insert,
 * so double clicks end up with one account. A Stripe failure is the
 * payments_unavailable refusal with Stripe's sentence.
 */
export async function startConnectOnboarding({ orgId }: { orgId: string }): Promise<{ url: string }> {
  try {
    return await onboardingLink(orgId);
  } catch (error) {
    throw stripeRefusal(error);
  }
}

async function onboardingLink(orgId: string): Promise<{ url: string }> {
  const stripe = getStripe();
  let account = await db.sellerAccount.findUnique({ where: { orgId }, select: { stripeAccountId: true } });
  if (!account) {
    const created = await stripe.accounts.create(
      {
        controller: {
          stripe_dashboard: { type: "express" },
          fees: { payer: "application" },
          losses: { payments: "application" },
          requirement_collection: "stripe",
        },
        capabilities: { transfers: { requested: true } },
        metadata: { orgId },
      },
      { idempotencyKey: `connect-account:${orgId}` },
    );
    await db.sellerAccount.createMany({ data: [{ orgId, stripeAccountId: created.id }], skipDuplicates: true });
    account = await db.sellerAccount.findUniqueOrThrow({ where: { orgId }, select: { stripeAccountId: true } });
  }
  const link = await stripe.accountLinks.create({
    account: account.stripeAccountId,
    type: "account_onboarding",
    // Stripe sends the seller to refresh_url when the link expired; the page offers a fresh one.
    refresh_url: `${appUrl()}/sell/payouts?onboarding=refresh`,
    return_url: `${appUrl()}/sell/payouts?onboarding=return`,
  });
  return { url: link.url };
}
