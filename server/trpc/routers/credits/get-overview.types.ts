import { z } from "zod";

export const ZCreditPackSchema = z.object({
  id: z.string(),
  credits: z.number().int(),
  priceCents: z.number().int(),
  currency: z.string(),
});
export const ZGetCreditsOverviewResponseSchema = z.object({
  balance: z.object({ available: z.number().int(), held: z.number().int() }),
  /** What a credit costs, from the packs on sale (shown even while purchases are off). */
  packs: z.array(ZCreditPackSchema),
  purchases: z.discriminatedUnion("enabled", [
    z.object({ enabled: z.literal(true), packs: z.array(ZCreditPackSchema) }),
    /** setupHint names the server settings that enable purchases: platform admins only, else null. */
    z.object({ enabled: z.literal(false), message: z.string(), setupHint: z.string().nullable() }),
  ]),
  creditValueCents: z.number().int(),
});
