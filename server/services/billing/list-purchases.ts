import "server-only";
import { db } from "../../db";

/** An org's purchases, newest first, a page at a time (cursor = last id seen; ids are time-ordered UUIDv7). */
export async function listPurchases(input: { orgId: string; cursor?: string | null; limit: number }) {
  const rows = await db.purchase.findMany({
    where: {
      orgId: input.orgId,
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
      NOT: { status: "FAILED", stripeCheckoutSessionId: null },
    },
    orderBy: { id: "desc" },
    take: input.limit + 1,
    select: {
      id: true,
      credits: true,
      amountCents: true,
      currency: true,
      status: true,
      receiptUrl: true,
      refundedCredits: true,
      createdAt: true,
      paidAt: true,
    },
  });
  const page = rows.slice(0, input.limit);
  return { items: page, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}
