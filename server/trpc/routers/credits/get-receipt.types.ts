import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZGetReceiptRequestSchema = z.object({ purchaseId: zId });
export const ZGetReceiptResponseSchema = z.object({
  id: z.string(),
  packId: z.string(),
  credits: z.number().int(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]),
  refundedCredits: z.number().int(),
  paidAt: z.date(),
  createdAt: z.date(),
  stripeCheckoutSessionId: z.string().nullable(),
  stripePaymentIntentId: z.string().nullable(),
  stripeChargeId: z.string().nullable(),
  receiptUrl: z.string().nullable(),
  orgName: z.string(),
  buyer: z.object({ name: z.string(), email: z.string() }).nullable(),
});
