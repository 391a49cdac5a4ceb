import "server-only";
import { db } from "../../db";
import { eventTransaction } from "../events/event-transaction";
import { env } from "../../env";
import { CURRENCY, getStripe, isDefinitiveRefusal, stripeErrorMessage } from "../../stripe/client";
import { ZStripeTransfer } from "../../stripe/objects";
import { orgAccount } from "../ledger/accounts";
import { lockBalance } from "../ledger/lock-balance";
import { recordEvent } from "../events/record-event";
import { debitPayout } from "../ledger/stripe-movements";

const SYSTEM_PAYOUTS = { kind: "system", id: "payouts" } as const;

export type PayoutResult =
  | { status: "paid"; payoutId: string; transferId: string; credits: number }
  | { status: "failed"; payoutId: string; error: string }
  | { status: "skipped"; reason: "no_account" | "payouts_disabled" | "below_minimum" };

type OpenPayout = {
  id: string;
  sellerOrgId: string;
  stripeAccountId: string;
  amountCents: number;
  currency: string;
  credits: number;
  attempt: number;
  failureCount: number;
};
const OPEN_PAYOUT = {
  id: true,
  sellerOrgId: true,
  stripeAccountId: true,
  amountCents: true,
  currency: true,
  credits: true,
  attempt: true,
  failureCount: true,
} as const;

/**
 * The seller's unfinished payout, or a new one for its whole available
 * balance when that reaches the minimum. Runs under the lock of the seller's
 * available account, so concurrent runs agree on one payout.
 */
async function openPayout(
  sellerOrgId: string,
  stripeAccountId: string,
  minimumCredits: number,
): Promise<OpenPayout | null> {
  return eventTransaction(async (tx) => {
    const available = await orgAccount(tx, sellerOrgId, "SELLER_AVAILABLE");
    const balance = await lockBalance(tx, available.id);
    const unfinished = await tx.payout.findFirst({
      where: { sellerOrgId, status: { in: ["PENDING", "FAILED"] } },
      orderBy: { id: "asc" },
      select: OPEN_PAYOUT,
    });
    if (unfinished) return unfinished;
    if (balance < minimumCredits) return null;
    const payout = await tx.payout.create({
      data: {
        sellerOrgId,
        stripeAccountId,
        credits: balance,
        amountCents: balance * env.CREDIT_VALUE_CENTS,
        currency: CURRENCY,
      },
      select: OPEN_PAYOUT,
    });
    await debitPayout(tx, { sellerOrgId, payoutId: payout.id, credits: balance });
    await recordEvent(tx, {
      orgId: sellerOrgId,
      type: "payout.opened",
      subject: { type: "payout", id: payout.id },
      actor: SYSTEM_PAYOUTS,
      data: { credits: balance },
    });
    return payout;
  });
}

/** A transfer Stripe already made for this payout (idempotency keys expire after 24 hours; transfer groups do not). */
async function existingTransfer(payoutId: string) {
  const list = await getStripe().transfers.list({ transfer_group: `payout_${payoutId}`, limit: 1 });
  const first = list.data[0];
  return first ? ZStripeTransfer.parse(first) : null;
}

/**
 * Pays a seller's available earnings to their connected account. The
 * credits leave the ledger when the payout is opened; the Stripe transfer
 * then uses the idempotency key "payout:<id>:<attempt>". A definitive refusal
 * marks the payout FAILED (shown to the seller) and advances the attempt; an
 * unknown outcome keeps the key, so the next run can only repeat the same
 * transfer. Running it twice, or concurrently, transfers once.
 */
export async function payOutSeller(input: { sellerOrgId: string; minimumCredits?: number }): Promise<PayoutResult> {
  const account = await db.sellerAccount.findUnique({
    where: { orgId: input.sellerOrgId },
    select: { stripeAccountId: true, payoutsEnabled: true },
  });
  if (!account) return { status: "skipped", reason: "no_account" };
  if (!account.payoutsEnabled) return { status: "skipped", reason: "payouts_disabled" };
  const payout = await openPayout(
    input.sellerOrgId,
    account.stripeAccountId,
    input.minimumCredits ?? env.PAYOUT_MINIMUM_CREDITS,
  );
  if (!payout) return { status: "skipped", reason: "below_minimum" };

  const now = new Date();
  try {
    const transfer =
      (payout.failureCount > 0 ? await existingTransfer(payout.id) : null) ??
      ZStripeTransfer.parse(
        await getStripe().transfers.create(
          {
            amount: payout.amountCents,
            currency: payout.currency,
            destination: payout.stripeAccountId,
            transfer_group: `payout_${payout.id}`,
            metadata: { payoutId: payout.id, sellerOrgId: payout.sellerOrgId },
          },
          { idempotencyKey: `payout:${payout.id}:${payout.attempt}` },
        ),
      );
    await eventTransaction(async (tx) => {
      const { count } = await tx.payout.updateMany({
        where: { id: payout.id, status: { not: "PAID" } },
        data: { status: "PAID", stripeTransferId: transfer.id, paidAt: now, lastAttemptAt: now, lastError: null },
      });
      if (count === 0) return;
      await recordEvent(tx, {
        orgId: payout.sellerOrgId,
        type: "payout.paid",
        subject: { type: "payout", id: payout.id },
        actor: SYSTEM_PAYOUTS,
        data: { credits: payout.credits, transferId: transfer.id },
      });
    });
    return { status: "paid", payoutId: payout.id, transferId: transfer.id, credits: payout.credits };
  } catch (error) {
    const message = stripeErrorMessage(error);
    await eventTransaction(async (tx) => {
      const { count } = await tx.payout.updateMany({
        where: { id: payout.id, status: { not: "PAID" } },
        data: {
          status: "FAILED",
          lastError: message,
          lastAttemptAt: now,
          failureCount: { increment: 1 },
          ...(isDefinitiveRefusal(error) ? { attempt: { increment: 1 } } : {}),
        },
      });
      if (count === 0) return;
      await recordEvent(tx, {
        orgId: payout.sellerOrgId,
        type: "payout.failed",
        subject: { type: "payout", id: payout.id },
        actor: SYSTEM_PAYOUTS,
        data: { error: message.slice(0, 2000) },
      });
    });
    return { status: "failed", payoutId: payout.id, error: message };
  }
}
