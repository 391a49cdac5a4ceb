import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { DomainError } from "@/server/errors";
import { InsufficientCreditsError } from "@/server/services/ledger/errors";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { releaseMaturedEarnings } from "@/server/services/ledger/release-matured-earnings";
import { balancesOf, fundedOrg, sellerAgent, startHeldTask } from "../support/billing-fixtures";

// Budget alerts send events; these tests place no budgets, so nothing may be sent.
vi.mock("@/server/jobs/send", () => ({
  sendEvent: vi.fn(async () => {
    throw new Error("unexpected event");
  }),
}));

const DAY = 86_400_000;

describe("task holds", () => {
  it("200 concurrent holds on a wallet that affords 50 hold exactly 50 and refuse the rest", async () => {
    const { agent } = await sellerAgent(10);
    const { org } = await fundedOrg(500);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => startHeldTask({ orgId: org.id, agentId: agent.id, amount: 10 })),
    );
    const held = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(held).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const r of refused) expect(r.reason).toBeInstanceOf(InsufficientCreditsError);
    expect(await balancesOf(org.id)).toMatchObject({ wallet: 0, holds: 500 });
    expect(await db.creditHold.count({ where: { orgId: org.id, status: "HELD" } })).toBe(50);
    // A refused hold leaves no task behind: the caller's transaction rolled back.
    expect(await db.task.count({ where: { orgId: org.id } })).toBe(50);
    expect((await checkLedger(db)).ok).toBe(true);
  }, 120_000);

  it("captures once into seller pending and a 20% platform fee, whatever races it", async () => {
    const { agent, org: seller } = await sellerAgent(0);
    const { org } = await fundedOrg(1_000);
    const taskId = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 333 });
    const revenueBefore =
      (await db.ledgerAccount.findUnique({ where: { id: "platform:PLATFORM_REVENUE" } }))?.balance ?? 0;

    const outcomes = await Promise.all(Array.from({ length: 8 }, () => captureHold({ taskId })));
    expect(outcomes.filter((o) => o.captured)).toHaveLength(1);
    expect(await releaseHold({ taskId, reason: "too late" })).toEqual({ released: false });

    // 20% of 333 is 66.6: the fee rounds down and the seller keeps the remainder.
    expect(await balancesOf(org.id)).toMatchObject({ wallet: 667, holds: 0 });
    expect(await balancesOf(seller.id)).toMatchObject({ pending: 267, available: 0 });
    const revenueAfter = (await db.ledgerAccount.findUniqueOrThrow({ where: { id: "platform:PLATFORM_REVENUE" } }))
      .balance;
    expect(revenueAfter - revenueBefore).toBe(66);
    const hold = await db.creditHold.findUniqueOrThrow({ where: { taskId } });
    expect(hold).toMatchObject({ status: "CAPTURED", sellerOrgId: seller.id, sellerAmount: 267, feeAmount: 66 });
    expect(hold.availableAt!.getTime() - hold.settledAt!.getTime()).toBe(7 * DAY);
    expect(await captureHold({ taskId })).toEqual({ captured: false });
  });

  it("lets exactly one of a racing capture and release settle a hold", async () => {
    const { agent, org: seller } = await sellerAgent();
    const { org } = await fundedOrg(100);
    const taskId = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 50 });
    const [capture, release] = await Promise.all([
      captureHold({ taskId }),
      releaseHold({ taskId, reason: "canceled" }),
    ]);
    expect(Number(capture.captured) + Number(release.released)).toBe(1);
    const buyer = await balancesOf(org.id);
    const earned = await balancesOf(seller.id);
    expect(buyer.holds).toBe(0);
    expect([buyer.wallet, earned.pending]).toEqual(capture.captured ? [50, 40] : [100, 0]);
  });

  it("releases a hold back to the wallet once; a released hold cannot be captured", async () => {
    const { agent } = await sellerAgent();
    const { org } = await fundedOrg(100);
    const taskId = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 40 });
    expect(await balancesOf(org.id)).toMatchObject({ wallet: 60, holds: 40 });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => releaseHold({ taskId, reason: "agent failed" })),
    );
    expect(outcomes.filter((o) => o.released)).toHaveLength(1);
    expect(await captureHold({ taskId })).toEqual({ captured: false });
    expect(await balancesOf(org.id)).toMatchObject({ wallet: 100, holds: 0 });
    expect(await db.creditHold.findUniqueOrThrow({ where: { taskId } })).toMatchObject({
      status: "RELEASED",
      releaseReason: "agent failed",
    });
  });

  it("refuses with a plain-English DomainError and an unknown task settles nothing", async () => {
    const { agent } = await sellerAgent();
    const { org } = await fundedOrg(5);
    const refusal = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 6 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: "insufficient_credits",
      details: { balance: 5, amount: 6 },
      message: expect.stringContaining("costs 6 credits but only 5 are available"),
    });
    await expect(startHeldTask({ orgId: org.id, agentId: agent.id, amount: 0 })).rejects.toThrow(RangeError);
    expect(await captureHold({ taskId: crypto.randomUUID() })).toEqual({ captured: false });
    expect(await releaseHold({ taskId: crypto.randomUUID(), reason: "x" })).toEqual({ released: false });
  });
});

describe("seller earnings", () => {
  it("mature from pending to available after the hold period, once even when runs overlap", async () => {
    const { agent, org: seller } = await sellerAgent();
    const { org } = await fundedOrg(1_000);
    const taskId = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 100 });
    await captureHold({ taskId });
    const { availableAt } = await db.creditHold.findUniqueOrThrow({ where: { taskId }, select: { availableAt: true } });

    await releaseMaturedEarnings({ now: new Date(availableAt!.getTime() - 1) });
    expect(await balancesOf(seller.id)).toMatchObject({ pending: 80, available: 0 });

    const later = new Date(availableAt!.getTime() + 1);
    await Promise.all([
      releaseMaturedEarnings({ now: later }),
      releaseMaturedEarnings({ now: later }),
      releaseMaturedEarnings({ now: later }),
    ]);
    expect(await balancesOf(seller.id)).toMatchObject({ pending: 0, available: 80 });
    expect(await db.ledgerTransaction.count({ where: { key: `mature:${taskId}` } })).toBe(1);
    const matured = await db.event.findMany({ where: { orgId: seller.id, type: "earnings.matured" } });
    expect(matured.map((e) => e.data)).toEqual([{ credits: 80, taskId }]);
  });
});
