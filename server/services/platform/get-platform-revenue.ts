import "server-only";
import { db } from "../../db";
import { checkLedger } from "../ledger/check-ledger";
import { monthStart } from "../ledger/math";

/** Platform admins' money view: fees earned, what sellers are owed, purchases, and the ledger check. */
export async function getPlatformRevenue({ now = new Date() }: { now?: Date } = {}) {
  const thisMonth = monthStart(now);
  const sixMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  const [platform, sellers, feesThisMonth, purchasesThisMonth, failingPayouts, months, ledger] = await Promise.all([
    db.ledgerAccount.findMany({ where: { orgId: null }, select: { kind: true, balance: true } }),
    db.ledgerAccount.groupBy({
      by: ["kind"],
      where: { kind: { in: ["SELLER_PENDING", "SELLER_AVAILABLE"] } },
      _sum: { balance: true },
    }),
    db.creditHold.aggregate({
      where: { status: "CAPTURED", settledAt: { gte: thisMonth } },
      _sum: { feeAmount: true, amount: true },
      _count: true,
    }),
    db.purchase.aggregate({
      where: { paidAt: { gte: thisMonth } },
      _sum: { credits: true, amountCents: true },
      _count: true,
    }),
    db.payout.count({ where: { status: "FAILED" } }),
    db.$queryRaw<{ month: Date; fees: bigint | null; volume: bigint | null; tasks: bigint }[]>`
      SELECT date_trunc('month', "settledAt") AS month, sum("feeAmount") AS fees, sum(amount) AS volume,
        count(*) AS tasks
      FROM "CreditHold" WHERE status = 'CAPTURED' AND "settledAt" >= ${sixMonthsAgo}
      GROUP BY 1 ORDER BY 1 DESC`,
    checkLedger(db),
  ]);
  const platformBalance = (kind: string) => platform.find((a) => a.kind === kind)?.balance ?? 0;
  const sellerBalance = (kind: string) => sellers.find((s) => s.kind === kind)?._sum.balance ?? 0;
  return {
    revenueTotal: platformBalance("PLATFORM_REVENUE"),
    revenueThisMonth: feesThisMonth._sum.feeAmount ?? 0,
    taskVolumeThisMonth: feesThisMonth._sum.amount ?? 0,
    tasksThisMonth: feesThisMonth._count,
    purchasesThisMonth: {
      count: purchasesThisMonth._count,
      credits: purchasesThisMonth._sum.credits ?? 0,
      amountCents: purchasesThisMonth._sum.amountCents ?? 0,
    },
    grantedTotal: -platformBalance("PLATFORM_GRANTS"),
    sellersOwed: { pending: sellerBalance("SELLER_PENDING"), available: sellerBalance("SELLER_AVAILABLE") },
    failingPayouts,
    months: months.map((m) => ({
      month: m.month.toISOString().slice(0, 7),
      fees: Number(m.fees ?? 0),
      volume: Number(m.volume ?? 0),
      tasks: Number(m.tasks),
    })),
    ledger: { ok: ledger.ok, problems: ledger.unbalancedTransactions.length + ledger.mismatchedAccounts.length },
  };
}
