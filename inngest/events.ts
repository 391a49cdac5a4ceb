import "server-only";
import { z } from "zod";

/**
 * Every durable event, with the schema its data must satisfy. Events are
 * parsed with these at every boundary (sendEvent, engines), so a function
 * never sees malformed data. Names are `domain/noun.verb`.
 */
export const EVENTS = {
  "task/started": z.object({ taskId: z.string() }),
  "task/message.sent": z.object({ taskId: z.string(), turn: z.number().int().positive() }),
  "task/cancel.requested": z.object({ taskId: z.string() }),
  "task/push.requested": z.object({ taskId: z.string() }),
  // Stripe webhooks (event id = the Stripe event id): only object ids travel;
  // the functions re-fetch the objects from Stripe.
  "stripe/checkout.completed": z.object({ sessionId: z.string().min(1) }),
  "stripe/checkout.closed": z.object({ sessionId: z.string().min(1), reason: z.enum(["expired", "payment_failed"]) }),
  "stripe/charge.refunded": z.object({ chargeId: z.string().min(1) }),
  "stripe/account.updated": z.object({ accountId: z.string().min(1) }),
  "payout/seller.due": z.object({ sellerOrgId: z.string().min(1) }),
  // Sent after the hold's transaction commits; id = budgetAlertKey (org, budget, month, line crossed).
  "budget/threshold.crossed": z.object({
    budgetId: z.string().min(1),
    orgId: z.string().min(1),
    departmentId: z.string().nullable(),
    capCredits: z.number().int().positive(),
    spentCredits: z.number().int().nonnegative(),
    month: z.string().regex(/^\d{4}-\d{2}$/),
    thresholdPercent: z.number().int().min(1).max(100),
  }),
  // id = webhook-delivery:<deliveryId>:<replays> (server/services/webhooks/dispatch-org-events.ts).
  "webhook/delivery.requested": z.object({ deliveryId: z.string().min(1) }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventData<N extends EventName> = z.infer<(typeof EVENTS)[N]>;
