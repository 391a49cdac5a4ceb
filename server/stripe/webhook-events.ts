import "server-only";
import type { JobEvent } from "../jobs/types";
import { ZEventObjectRef } from "./objects";

/** The part of a verified Stripe event Bureau routes on. */
export interface VerifiedStripeEvent {
  id: string;
  type: string;
  data: { object: unknown };
}

/** The object's id, or null for a payload without one (acknowledged, nothing to do). */
function objectId(event: VerifiedStripeEvent): string | null {
  const parsed = ZEventObjectRef.safeParse(event.data.object);
  return parsed.success ? parsed.data.id : null;
}

/**
 * Platform events Bureau acts on, as durable events whose id is Stripe's
 * event id (a redelivery starts no second run). Anything else: null,
 * acknowledged and ignored.
 */
export function platformEventToJob(event: VerifiedStripeEvent): JobEvent | null {
  const id = objectId(event);
  if (!id) return null;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      return { name: "stripe/checkout.completed", id: event.id, data: { sessionId: id } };
    case "checkout.session.expired":
      return { name: "stripe/checkout.closed", id: event.id, data: { sessionId: id, reason: "expired" } };
    case "checkout.session.async_payment_failed":
      return { name: "stripe/checkout.closed", id: event.id, data: { sessionId: id, reason: "payment_failed" } };
    case "charge.refunded":
      return { name: "stripe/charge.refunded", id: event.id, data: { chargeId: id } };
    default:
      return null;
  }
}

/** Connect events (from connected accounts) Bureau acts on. */
export function connectEventToJob(event: VerifiedStripeEvent): JobEvent | null {
  const id = objectId(event);
  if (!id || event.type !== "account.updated") return null;
  return { name: "stripe/account.updated", id: event.id, data: { accountId: id } };
}
