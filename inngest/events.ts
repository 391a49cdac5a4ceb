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
  /** A request to a department or the company (a MANAGER task) awaits its manager: turn 1, or a reply. */
  "company/request.started": z.object({ taskId: z.string().min(1), turn: z.number().int().positive() }),
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
  // Workflow runs (issue 12). run.started's id is workflow-run:<runId>:<generation>: a retried run
  // (generation + 1) starts a fresh execution, which resumes from the run's step rows.
  "workflow/run.started": z.object({ runId: z.string().min(1) }),
  // Stops the run's function (cancelOn); the cancel service itself cancels the run's in-flight tasks.
  "workflow/run.cancel-requested": z.object({ runId: z.string().min(1) }),
  // Sent by the decide service after the decision committed (id = workflow-approval:<approvalId>).
  "workflow/approval.decided": z.object({ approvalId: z.string().min(1), runId: z.string().min(1) }),
  // A run ended (sent once by its last step): a sub-workflow's parent and plans learn of it here.
  "workflow/run.finished": z.object({
    runId: z.string().min(1),
    parentRunId: z.string().min(1).nullable(),
    state: z.enum(["SUCCEEDED", "FAILED", "CANCELED"]),
  }),
  // What a waiting run waits for: something it waits on (an approval, a child run) may have
  // changed, so it re-reads its rows. Waits match on runId, the only field of their trigger.
  "workflow/run.wake": z.object({ runId: z.string().min(1), reason: z.enum(["approval", "child", "sweep"]) }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventData<N extends EventName> = z.infer<(typeof EVENTS)[N]>;
