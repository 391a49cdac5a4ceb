import "server-only";
import { db } from "../../db";
import { getOrgBalance } from "../ledger/get-balance";

/**
 * What the Checkout return page shows: "processing" until the webhook has
 * credited the purchase, then the new balance. Reads only; the redirect
 * never fulfils anything. Another org's session is simply not found.
 */
export async function getPurchaseStatus(input: { orgId: string; sessionId: string }) {
  const purchase = await db.purchase.findFirst({
    where: { orgId: input.orgId, stripeCheckoutSessionId: input.sessionId },
    select: { id: true, credits: true, amountCents: true, currency: true, status: true, receiptUrl: true },
  });
  if (!purchase) return null;
  const state =
    purchase.status === "OPEN"
      ? "processing"
      : purchase.status === "EXPIRED" || purchase.status === "FAILED"
        ? "failed"
        : "credited";
  return {
    ...purchase,
    state: state as "processing" | "failed" | "credited",
    balance: await getOrgBalance({ orgId: input.orgId }),
  };
}
