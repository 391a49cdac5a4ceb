import { z } from "zod";

export const ZGetPayoutsOverviewResponseSchema = z.object({
  stripeEnabled: z.boolean(),
  account: z
    .object({
      stripeAccountId: z.string(),
      chargesEnabled: z.boolean(),
      payoutsEnabled: z.boolean(),
      detailsSubmitted: z.boolean(),
      requirementsDue: z.array(z.string()),
      disabledReason: z.string().nullable(),
      currentDeadline: z.date().nullable(),
      syncedAt: z.date().nullable(),
    })
    .nullable(),
  earnings: z.object({
    lifetime: z.number().int(),
    pending: z.number().int(),
    available: z.number().int(),
    inTransit: z.number().int(),
    paidOut: z.number().int(),
    nextAvailableAt: z.date().nullable(),
  }),
  rules: z.object({
    holdDays: z.number().int(),
    minimumCredits: z.number().int(),
    creditValueCents: z.number().int(),
    feeBps: z.number().int(),
  }),
});
