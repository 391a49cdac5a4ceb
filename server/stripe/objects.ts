import "server-only";
import { z } from "zod";

// The fields Bureau reads from Stripe objects, parsed at the boundary: the
// SDK's types describe what Stripe promises, these check what arrived.

const ZMetadata = z
  .record(z.string(), z.string())
  .nullish()
  .transform((m) => m ?? {});
const ZId = z.string().min(1).max(255);

export const ZStripeCharge = z.object({
  id: ZId,
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  receipt_url: z.string().nullish(),
  payment_intent: z.union([ZId, z.object({ id: ZId, metadata: ZMetadata }), z.null()]),
});

export const ZStripeCheckoutSession = z.object({
  id: ZId,
  status: z.string().nullable(),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  metadata: ZMetadata,
  payment_intent: z.union([
    ZId,
    z.object({
      id: ZId,
      latest_charge: z.union([ZId, z.object({ id: ZId, receipt_url: z.string().nullish() }), z.null()]),
    }),
    z.null(),
  ]),
});
export type StripeCheckoutSession = z.infer<typeof ZStripeCheckoutSession>;

export const ZStripeAccount = z.object({
  id: ZId,
  charges_enabled: z.boolean().nullish().transform(Boolean),
  payouts_enabled: z.boolean().nullish().transform(Boolean),
  details_submitted: z.boolean().nullish().transform(Boolean),
  metadata: ZMetadata,
  requirements: z
    .object({
      currently_due: z.array(z.string()).nullish(),
      past_due: z.array(z.string()).nullish(),
      disabled_reason: z.string().nullish(),
      current_deadline: z.number().int().nullish(),
    })
    .nullish(),
});

export const ZStripeTransfer = z.object({
  id: ZId,
  amount: z.number().int(),
  destination: z.union([ZId, z.object({ id: ZId })]).nullish(),
});

/** The `data.object` of a webhook event: only its id is trusted, the rest is re-fetched. */
export const ZEventObjectRef = z.object({ id: ZId });
