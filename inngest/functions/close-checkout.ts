import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { syncCheckoutSession } from "@/server/services/billing/sync-checkout-session";

/** checkout.session.expired / async_payment_failed: mark the purchase, so the return page stops saying "processing". */
export default defineFunction<EventData<"stripe/checkout.closed">>(
  { id: "close-checkout", trigger: { event: "stripe/checkout.closed" }, retries: 5 },
  async ({ event, step }) =>
    step.run("sync-session", () =>
      syncCheckoutSession({ sessionId: event.data.sessionId, paymentFailed: event.data.reason === "payment_failed" }),
    ),
);
