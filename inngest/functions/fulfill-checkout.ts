import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { syncCheckoutSession } from "@/server/services/billing/sync-checkout-session";

/** checkout.session.completed / async_payment_succeeded: credit the purchase (once, however often it arrives). */
export default defineFunction<EventData<"stripe/checkout.completed">>(
  { id: "fulfill-checkout", trigger: { event: "stripe/checkout.completed" }, retries: 5 },
  async ({ event, step }) => step.run("sync-session", () => syncCheckoutSession({ sessionId: event.data.sessionId })),
);
