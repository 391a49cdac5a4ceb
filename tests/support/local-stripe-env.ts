import { startLocalStripe, type LocalStripe } from "./stripe-server";

export const TEST_STRIPE = {
  secretKey: "sk_test_local_bureau_integration",
  webhookSecret: "whsec_local_bureau_platform",
  connectWebhookSecret: "whsec_local_bureau_connect",
} as const;

/**
 * Starts the local Stripe server and points this process's Stripe settings
 * at it. Call it from `vi.hoisted`, before any server module reads the
 * environment (server/env.ts validates it on import).
 */
export async function useLocalStripe(): Promise<LocalStripe> {
  const stripe = await startLocalStripe({ ...TEST_STRIPE, webhookDelayMs: 0 });
  process.env.STRIPE_SECRET_KEY = TEST_STRIPE.secretKey;
  process.env.STRIPE_WEBHOOK_SECRET = TEST_STRIPE.webhookSecret;
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = TEST_STRIPE.connectWebhookSecret;
  process.env.STRIPE_API_BASE_URL = stripe.url;
  process.env.APP_URL ??= "http://127.0.0.1:3999";
  return stripe;
}
