import { z } from "zod";

// The parameters Bureau sends to each endpoint, checked the way Stripe does
// (strict: a misspelt or unsupported parameter is a 400, as it would be on
// Stripe). Form values arrive as strings.

const Int = z.string().regex(/^\d+$/, "must be a whole number").transform(Number);
const Bool = z.enum(["true", "false"]).transform((v) => v === "true");
const Metadata = z.record(z.string(), z.string().max(500)).optional();
const Currency = z.string().regex(/^[a-z]{3}$/, "must be a lowercase ISO currency code");
const Url = z.url();
const Expand = (allowed: readonly [string, ...string[]]) =>
  z.strictObject({ expand: z.array(z.enum(allowed)).optional() });

export const ZCheckoutSessionCreate = z.strictObject({
  mode: z.literal("payment"),
  line_items: z
    .array(
      z.strictObject({
        quantity: Int,
        price_data: z.strictObject({
          currency: Currency,
          unit_amount: Int.refine((n) => n >= 50, "must be at least 50 (Stripe's minimum charge)"),
          product_data: z.strictObject({ name: z.string().min(1) }),
        }),
      }),
    )
    .min(1),
  client_reference_id: z.string().max(200).optional(),
  metadata: Metadata,
  payment_intent_data: z.strictObject({ metadata: Metadata }).optional(),
  success_url: Url,
  cancel_url: Url.optional(),
});

export const ZCheckoutSessionRetrieve = Expand(["payment_intent", "payment_intent.latest_charge"]);
export const ZChargeRetrieve = Expand(["payment_intent"]);
export const ZPlainRetrieve = z.strictObject({});

export const ZAccountCreate = z.strictObject({
  type: z.enum(["express", "standard", "custom"]).optional(),
  controller: z
    .strictObject({
      stripe_dashboard: z.strictObject({ type: z.enum(["express", "full", "none"]) }).optional(),
      fees: z.strictObject({ payer: z.enum(["application", "account"]) }).optional(),
      losses: z.strictObject({ payments: z.enum(["application", "stripe"]) }).optional(),
      requirement_collection: z.enum(["application", "stripe"]).optional(),
    })
    .optional(),
  capabilities: z.strictObject({ transfers: z.strictObject({ requested: Bool }) }).optional(),
  country: z.string().length(2).optional(),
  email: z.email().optional(),
  metadata: Metadata,
});

export const ZAccountLinkCreate = z.strictObject({
  account: z.string().startsWith("acct_"),
  type: z.enum(["account_onboarding", "account_update"]),
  refresh_url: Url,
  return_url: Url,
});

export const ZTransferCreate = z.strictObject({
  amount: Int.refine((n) => n > 0, "must be positive"),
  currency: Currency,
  destination: z.string().startsWith("acct_"),
  transfer_group: z.string().max(200).optional(),
  description: z.string().optional(),
  metadata: Metadata,
});

export const ZTransferList = z.strictObject({
  transfer_group: z.string().optional(),
  destination: z.string().optional(),
  limit: Int.optional(),
});
