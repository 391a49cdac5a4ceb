import { z } from "zod";

export const ZPurchaseSchema = z.object({
  id: z.string(),
  credits: z.number().int(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(["OPEN", "PAID", "FAILED", "EXPIRED", "PARTIALLY_REFUNDED", "REFUNDED"]),
  receiptUrl: z.string().nullable(),
  refundedCredits: z.number().int(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
});
export const ZListPurchasesResponseSchema = z.object({
  items: z.array(ZPurchaseSchema),
  nextCursor: z.string().nullable(),
});
