import "server-only";
import type { Tx } from "../../db";
import { recordEvent } from "../events/record-event";
import { orgAccount, platformAccount, type OrgAccountKind } from "./accounts";
import { postTransfer } from "./post-transaction";

// Money that enters or leaves through Stripe moves against the platform's
// STRIPE_CLEARING account: purchases drive it negative (cash received),
// refunds and seller payouts bring it back.

async function viaClearing(
  tx: Tx,
  input: {
    orgId: string;
    account: OrgAccountKind;
    direction: "in" | "out";
    key: string;
    kind: string;
    credits: number;
    memo?: string;
    /** The org event a wallet movement records (in the same transaction, only when it was posted). */
    event?: "credits.purchased" | "credits.refunded";
  },
): Promise<boolean> {
  if (!Number.isSafeInteger(input.credits) || input.credits <= 0)
    throw new RangeError(`A ${input.kind} must be a positive whole number of credits.`);
  const account = await orgAccount(tx, input.orgId, input.account);
  const clearing = await platformAccount(tx, "STRIPE_CLEARING");
  const [from, to] = input.direction === "in" ? [clearing.id, account.id] : [account.id, clearing.id];
  const posted = await postTransfer(tx, {
    key: input.key,
    kind: input.kind,
    orgId: input.orgId,
    memo: input.memo,
    from,
    to,
    amount: input.credits,
  });
  if (posted && input.event) {
    await recordEvent(tx, {
      orgId: input.orgId,
      type: input.event,
      subject: { type: "wallet", id: account.id },
      actor: { kind: "system", id: "stripe" },
      data: { credits: input.credits, reference: input.key },
    });
  }
  return posted;
}

/** A paid purchase: clearing -> org wallet. Returns false on a replayed key. */
export function creditPurchase(
  tx: Tx,
  input: { orgId: string; key: string; credits: number; memo?: string },
): Promise<boolean> {
  return viaClearing(tx, {
    ...input,
    account: "ORG_WALLET",
    direction: "in",
    kind: "purchase",
    event: "credits.purchased",
  });
}

/**
 * A refunded payment: org wallet -> clearing. The wallet may go negative
 * (credits already spent); placeHold then refuses new tasks until a top-up.
 */
export function debitRefund(
  tx: Tx,
  input: { orgId: string; key: string; credits: number; memo?: string },
): Promise<boolean> {
  return viaClearing(tx, {
    ...input,
    account: "ORG_WALLET",
    direction: "out",
    kind: "refund",
    event: "credits.refunded",
  });
}

/** Reserves a payout: seller available -> clearing, before the transfer is attempted. */
export function debitPayout(
  tx: Tx,
  input: { sellerOrgId: string; payoutId: string; credits: number },
): Promise<boolean> {
  return viaClearing(tx, {
    orgId: input.sellerOrgId,
    account: "SELLER_AVAILABLE",
    direction: "out",
    key: `payout:${input.payoutId}`,
    kind: "payout",
    credits: input.credits,
  });
}
