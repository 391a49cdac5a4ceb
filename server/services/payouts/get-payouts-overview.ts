import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import { stripeEnabled } from "../../stripe/client";

/** A seller org's payout page: Connect status, earnings by stage and the payout rules. */
export async function getPayoutsOverview({ orgId }: { orgId: string }) {
  const [account, balances, inFlight, paid, lifetime, nextMaturity] = await Promise.all([
    db.sellerAccount.findUnique({
      where: { orgId },
      select: {
        stripeAccountId: true,
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        requirementsDue: true,
        disabledReason: true,
        currentDeadline: true,
        syncedAt: true,
      },
    }),
    db.ledgerAccount.findMany({
      where: { orgId, kind: { in: ["SELLER_PENDING", "SELLER_AVAILABLE"] } },
      select: { kind: true, balance: true },
    }),
    db.payout.aggregate({
      where: { sellerOrgId: orgId, status: { in: ["PENDING", "FAILED"] } },
      _sum: { credits: true },
    }),
    db.payout.aggregate({ where: { sellerOrgId: orgId, status: "PAID" }, _sum: { credits: true } }),
    db.creditHold.aggregate({ where: { sellerOrgId: orgId, status: "CAPTURED" }, _sum: { sellerAmount: true } }),
    db.creditHold.findFirst({
      where: { sellerOrgId: orgId, status: "CAPTURED", maturedAt: null },
      orderBy: { availableAt: "asc" },
      select: { availableAt: true },
    }),
  ]);
  const balanceOf = (kind: string) => balances.find((b) => b.kind === kind)?.balance ?? 0;
  return {
    stripeEnabled: stripeEnabled(),
    account,
    earnings: {
      lifetime: lifetime._sum.sellerAmount ?? 0,
      pending: balanceOf("SELLER_PENDING"),
      available: balanceOf("SELLER_AVAILABLE"),
      inTransit: inFlight._sum.credits ?? 0,
      paidOut: paid._sum.credits ?? 0,
      nextAvailableAt: nextMaturity?.availableAt ?? null,
    },
    rules: {
      holdDays: env.EARNINGS_HOLD_DAYS,
      minimumCredits: env.PAYOUT_MINIMUM_CREDITS,
      creditValueCents: env.CREDIT_VALUE_CENTS,
      feeBps: env.PLATFORM_FEE_BPS,
    },
  };
}
