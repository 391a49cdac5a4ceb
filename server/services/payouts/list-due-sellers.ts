import "server-only";
import { db } from "../../db";

/** Seller orgs the scheduled payout should visit: payouts enabled, and money to send or a payout to retry. */
export async function listSellersDueForPayout({ minimumCredits }: { minimumCredits: number }): Promise<string[]> {
  const [funded, unfinished] = await Promise.all([
    db.ledgerAccount.findMany({
      where: { kind: "SELLER_AVAILABLE", balance: { gte: minimumCredits } },
      select: { orgId: true },
    }),
    db.payout.findMany({
      where: { status: { in: ["PENDING", "FAILED"] } },
      distinct: ["sellerOrgId"],
      select: { sellerOrgId: true },
    }),
  ]);
  const candidates = [
    ...new Set([...funded.flatMap((a) => (a.orgId ? [a.orgId] : [])), ...unfinished.map((p) => p.sellerOrgId)]),
  ];
  if (candidates.length === 0) return [];
  const enabled = await db.sellerAccount.findMany({
    where: { orgId: { in: candidates }, payoutsEnabled: true },
    select: { orgId: true },
    orderBy: { orgId: "asc" },
  });
  return enabled.map((a) => a.orgId);
}
