import { env } from "@/server/env";
import { handle } from "@/server/http/handle";
import { receiveStripeWebhook } from "@/server/stripe/receive-webhook";
import { platformEventToJob } from "@/server/stripe/webhook-events";

export const dynamic = "force-dynamic";

/** Stripe platform events (Checkout, refunds), signed with STRIPE_WEBHOOK_SECRET. */
export const POST = handle((request: Request) =>
  receiveStripeWebhook(request, env.STRIPE_WEBHOOK_SECRET, platformEventToJob),
);
