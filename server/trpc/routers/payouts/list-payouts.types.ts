import { z } from "zod";

export const ZPayoutSchema = z.object({
  id: z.string(),
  credits: z.number().int(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(["PENDING", "PAID", "FAILED"]),
  failureCount: z.number().int(),
  lastError: z.string().nullable(),
  stripeTransferId: z.string().nullable(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  lastAttemptAt: z.date().nullable(),
});
export const ZListPayoutsResponseSchema = z.object({
  items: z.array(ZPayoutSchema),
  nextCursor: z.string().nullable(),
});
