import { env } from "@/server/env";
import { handle } from "@/server/http/handle";
import { receiveStripeWebhook } from "@/server/stripe/receive-webhook";
import { connectEventToJob } from "@/server/stripe/webhook-events";

export const dynamic = "force-dynamic";

/** Stripe Connect events (connected accounts), signed with STRIPE_CONNECT_WEBHOOK_SECRET. */
export const POST = handle((request: Request) =>
  receiveStripeWebhook(request, env.STRIPE_CONNECT_WEBHOOK_SECRET, connectEventToJob),
);
