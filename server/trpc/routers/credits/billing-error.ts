import { TRPCError } from "@trpc/server";
import Stripe from "stripe";
import { BillingError } from "../../../services/billing/errors";
import { StripeNotConfiguredError } from "../../../stripe/client";

/** Runs a billing service call, turning its refusals into tRPC errors with the user-facing message. */
export async function billingCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StripeNotConfiguredError)
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: error.message });
    if (error instanceof BillingError) {
      throw new TRPCError({ code: error.code === "not_found" ? "NOT_FOUND" : "BAD_REQUEST", message: error.message });
    }
    if (error instanceof RangeError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    if (error instanceof Stripe.errors.StripeError) {
      throw new TRPCError({ code: "BAD_GATEWAY", message: `Stripe could not complete this: ${error.message}` });
    }
    throw error;
  }
}
