import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";

/**
 * A paid purchase as a receipt: what was bought, when, for how much, and the
 * Stripe references a finance team reconciles against. Only purchases Stripe
 * confirmed have one; another org's purchase is not found.
 */
export async function getReceipt(input: { orgId: string; purchaseId: string }) {
  const purchase = await db.purchase.findFirst({
    where: { id: input.purchaseId, orgId: input.orgId, status: { in: ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] } },
    select: {
      id: true,
      packId: true,
      credits: true,
      amountCents: true,
      currency: true,
      status: true,
      refundedCredits: true,
      paidAt: true,
      createdAt: true,
      userId: true,
      stripeCheckoutSessionId: true,
      stripePaymentIntentId: true,
      stripeChargeId: true,
      receiptUrl: true,
    },
  });
  if (!purchase) throw new DomainError("not_found", "Receipt not found in this organization.");
  const [org, buyer] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { name: true } }),
    purchase.userId
      ? db.user.findUnique({ where: { id: purchase.userId }, select: { name: true, email: true } })
      : null,
  ]);
  const { userId: _userId, paidAt, ...rest } = purchase;
  return {
    ...rest,
    status: rest.status as "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED",
    paidAt: paidAt ?? purchase.createdAt,
    orgName: org.name,
    buyer: buyer ? { name: buyer.name, email: buyer.email } : null,
  };
}
