import "server-only";
import { env } from "../../env";
import { CURRENCY } from "../../stripe/client";

export interface CreditPack {
  id: string;
  credits: number;
  priceCents: number;
  currency: string;
}

/** Parses CREDIT_PACKS ("credits:priceCents,…"); refuses zero amounts and duplicate sizes. */
export function parseCreditPacks(spec: string): CreditPack[] {
  const packs = spec.split(",").map((part) => {
    const [credits, priceCents] = part.split(":").map((n) => Number(n.trim()));
    if (
      !Number.isSafeInteger(credits) ||
      !Number.isSafeInteger(priceCents) ||
      !credits ||
      !priceCents ||
      credits <= 0 ||
      priceCents < 50
    ) {
      throw new RangeError(
        `Credit pack "${part.trim()}" needs positive credits and a price of at least 50 cents (Stripe's minimum).`,
      );
    }
    return { id: `pack-${credits}`, credits, priceCents, currency: CURRENCY };
  });
  if (new Set(packs.map((p) => p.id)).size !== packs.length)
    throw new RangeError("Two credit packs have the same number of credits.");
  return packs.sort((a, b) => a.credits - b.credits);
}

let cached: CreditPack[] | undefined;

export function creditPacks(): CreditPack[] {
  cached ??= parseCreditPacks(env.CREDIT_PACKS);
  return cached;
}

export function findCreditPack(id: string): CreditPack | undefined {
  return creditPacks().find((pack) => pack.id === id);
}
