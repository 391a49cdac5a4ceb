import "server-only";
import { db } from "../../db";

/** A seller org's payouts, newest first, a page at a time (cursor = last id seen). */
export async function listPayouts(input: { orgId: string; cursor?: string | null; limit: number }) {
  const rows = await db.payout.findMany({
    where: { sellerOrgId: input.orgId, ...(input.cursor ? { id: { lt: input.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      credits: true,
      amountCents: true,
      currency: true,
      status: true,
      failureCount: true,
      lastError: true,
      stripeTransferId: true,
      createdAt: true,
      paidAt: true,
      lastAttemptAt: true,
    },
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
