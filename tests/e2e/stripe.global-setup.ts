import { startLocalStripe } from "../support/stripe-server";
import { E2E_STRIPE } from "./stripe-e2e";

/**
 * Starts the local Stripe server for the whole run, in Playwright's runner
 * process (it outlives every worker). Its hosted pages post signed webhooks
 * to the app a moment after redirecting back, as Stripe does.
 */
export default async function startStripe() {
  const stripe = await startLocalStripe({
    port: E2E_STRIPE.port,
    webhookSecret: E2E_STRIPE.webhookSecret,
    connectWebhookSecret: E2E_STRIPE.connectWebhookSecret,
    webhookDelayMs: 2_500,
  });
  return () => stripe.close();
}
