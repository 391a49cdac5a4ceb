import { z } from "zod";

export const ZCreditPackSchema = z.object({
  id: z.string(),
  credits: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
});
export const ZGetCreditsOverviewResponseSchema = z.object({
  balance: z.object({ available: z.number().int(), held: z.number().int() }),
  purchases: z.discriminatedUnion("enabled", [
    z.object({ enabled: z.literal(true), packs: z.array(ZCreditPackSchema) }),
    z.object({ enabled: z.literal(false), message: z.string() }),
  ]),
  creditValueCents: z.number().int(),
});
