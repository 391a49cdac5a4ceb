import { z } from "zod";
import { zExternalId } from "../../../schemas/primitives";

export const ZGetPurchaseStatusRequestSchema = z.object({ sessionId: zExternalId });
export const ZGetPurchaseStatusResponseSchema = z.object({
  state: z.enum(["processing", "failed", "credited"]),
  credits: z.number().int(),
  amountCents: z.number().int(),
  currency: z.string(),
  receiptUrl: z.string().nullable(),
  balance: z.object({ available: z.number().int(), held: z.number().int() }),
});
