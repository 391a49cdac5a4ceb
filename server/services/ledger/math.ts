import "server-only";
/**
 * Splits a captured amount into the platform fee and the seller's share with
 * integer math: the fee rounds down, so any remainder goes to the seller and
 * the two always add up to the amount.
 */
export function splitCapture(amount: number, feeBps: number): { fee: number; seller: number } {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new RangeError("A captured amount must be a whole, non-negative number of credits.");
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps > 10_000)
    throw new RangeError("The fee must be 0–10000 basis points.");
  const fee = Math.floor((amount * feeBps) / 10_000);
  return { fee, seller: amount - fee };
}

/** First instant of the UTC calendar month containing `at`. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** "2026-11" for the UTC month containing `at`. */
export function monthKey(at: Date): string {
  return monthStart(at).toISOString().slice(0, 7);
}

/** Credits a refund takes back: all of them for a full refund, else the refunded share, rounded down. */
export function refundedCredits(credits: number, chargedCents: number, refundedCents: number): number {
  if (chargedCents <= 0 || refundedCents >= chargedCents) return credits;
  return Math.floor((credits * refundedCents) / chargedCents);
}
