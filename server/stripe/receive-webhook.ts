import "server-only";
import { jsonError } from "../http/handle";
import { sendEvent } from "../jobs/send";
import type { JobEvent } from "../jobs/types";
import { logger } from "../logger";
import { getStripe, stripeEnabled } from "./client";
import type { VerifiedStripeEvent } from "./webhook-events";

/**
 * Verifies a Stripe webhook's signature on the raw body (constructEvent
 * also refuses timestamps older than five minutes), hands the work to a
 * durable function and answers at once. A bad or stale signature gets 400
 * and nothing is sent; unknown event types get 200 and are ignored.
 */
export async function receiveStripeWebhook(
  request: Request,
  secret: string | undefined,
  toJob: (event: VerifiedStripeEvent) => JobEvent | null,
): Promise<Response> {
  if (!stripeEnabled() || !secret) {
    return jsonError(503, "stripe_not_configured", "Stripe webhooks are not configured on this deployment.");
  }
  const signature = request.headers.get("stripe-signature");
  if (!signature) return jsonError(400, "signature_missing", "The Stripe-Signature header is missing.");
  const body = await request.text();
  let event: VerifiedStripeEvent;
  try {
    event = getStripe().webhooks.constructEvent(body, signature, secret);
  } catch {
    logger.warn("stripe webhook refused: signature invalid or too old");
    return jsonError(400, "signature_invalid", "The Stripe signature does not match this payload, or it is too old.");
  }
  const job = toJob(event);
  if (job) await sendEvent(job);
  logger.info({ stripeEvent: event.id, type: event.type, handled: Boolean(job) }, "stripe webhook received");
  return Response.json({ received: true });
}
