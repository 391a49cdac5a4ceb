import "server-only";
import Stripe from "stripe";
import { env } from "../env";
import { DomainError } from "../errors";

/** All prices and transfers are in US dollars. */
export const CURRENCY = "usd";

// What buyers and sellers read while Stripe is not configured. Never a
// setting's name: only platform admins are told which one enables payments.
export const PURCHASES_OFF_MESSAGE = "Purchases are not available on this Bureau yet.";
export const PAYMENTS_OFF_MESSAGE = "Payments are not available on this Bureau yet.";

export function stripeEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

/** host/port/protocol for the SDK from STRIPE_API_BASE_URL (local test server, stripe-mock). */
function apiHost(baseUrl: string | undefined) {
  if (!baseUrl) return {};
  const url = new URL(baseUrl);
  const protocol = url.protocol === "http:" ? ("http" as const) : ("https" as const);
  return { host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443), protocol };
}

const globalForStripe = globalThis as unknown as { bureauStripe?: Stripe };

/**
 * The process's Stripe client, created on first use. Throws the
 * payments_unavailable DomainError when STRIPE_SECRET_KEY is unset, which the
 * UI shows as "purchases are off".
 */
export function getStripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new DomainError("payments_unavailable", PAYMENTS_OFF_MESSAGE);
  globalForStripe.bureauStripe ??= new Stripe(env.STRIPE_SECRET_KEY, {
    ...apiHost(env.STRIPE_API_BASE_URL),
    // Retries reuse the request's idempotency key, so they never double-charge.
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Bureau" },
  });
  return globalForStripe.bureauStripe;
}

/**
 * True when Stripe answered and refused (a 4xx other than conflicts and rate
 * limits): nothing happened, so a new attempt may use a new idempotency key.
 * Timeouts, connection errors and 5xx leave the outcome unknown.
 */
export function isDefinitiveRefusal(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  const status = error.statusCode ?? 0;
  return status >= 400 && status < 500 && status !== 409 && status !== 429;
}

/** A message safe to store and show: Stripe's own text, never a stack or a key. */
export function stripeErrorMessage(error: unknown): string {
  if (error instanceof Stripe.errors.StripeError)
    return `${error.message}${error.code ? ` (${error.code})` : ""}`.slice(0, 500);
  if (error instanceof Error) return error.message.slice(0, 500);
  return "Unknown error";
}

/**
 * For a user's action that called Stripe (buy credits, start onboarding): a
 * Stripe failure becomes the payments_unavailable refusal with Stripe's own
 * sentence; anything else is returned unchanged (a bug stays a bug). Durable
 * functions keep the raw Stripe error, which their retry logic inspects.
 */
export function stripeRefusal(error: unknown): unknown {
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  return new DomainError(
    "payments_unavailable",
    `Stripe could not complete this: ${stripeErrorMessage(error)}`,
    undefined,
    {
      cause: error,
    },
  );
}
