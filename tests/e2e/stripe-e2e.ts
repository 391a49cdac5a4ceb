/**
 * The local Stripe server the e2e app talks to (STRIPE_API_BASE_URL). Test
 * mode values only: nothing here is a real secret.
 */
export const E2E_STRIPE = {
  port: 12111,
  secretKey: "sk_test_local_bureau_e2e",
  webhookSecret: "whsec_local_bureau_e2e_platform",
  connectWebhookSecret: "whsec_local_bureau_e2e_connect",
} as const;

/** What the app under test needs to use it. */
export const E2E_STRIPE_ENV = {
  STRIPE_SECRET_KEY: E2E_STRIPE.secretKey,
  STRIPE_API_BASE_URL: `http://127.0.0.1:${E2E_STRIPE.port}`,
  STRIPE_WEBHOOK_SECRET: E2E_STRIPE.webhookSecret,
  STRIPE_CONNECT_WEBHOOK_SECRET: E2E_STRIPE.connectWebhookSecret,
};
