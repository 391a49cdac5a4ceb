import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { buildDemoAgentCard, findDemoAgent } from "@/server/demo-agents/catalog";
import { env } from "@/server/env";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { splitCapture } from "@/server/services/ledger/math";
import { probeAgent } from "@/server/services/registry/probe-agent";
import { getSellerOverview } from "@/server/services/registry/seller-overview";
import { callerFor, unique } from "../support/factories";
import { useTaskRuntime } from "../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../support/task-fixtures";

useTaskRuntime();

/** A second published listing of the same seller org, served by another demo agent. */
async function alsoList(sellerOrgId: string, demoSlug: string, price: number) {
  const spec = findDemoAgent(demoSlug)!;
  return db.agent.create({
    data: {
      orgId: sellerOrgId,
      slug: `${demoSlug}-${unique()}`,
      name: `${spec.name} (fixture ${unique()})`,
      description: spec.description,
      endpointUrl: `${process.env.APP_URL}/api/demo-agents/${demoSlug}`,
      pricePerTask: price,
      status: "PUBLISHED",
      versions: {
        create: { version: 1, card: buildDemoAgentCard(spec, process.env.APP_URL!) as unknown as InputJsonValue },
      },
    },
  });
}

async function runToEnd(caller: Awaited<ReturnType<typeof callerFor>>, orgId: string, agentSlug: string, text: string) {
  const { id } = await caller.tasks.start({ orgId, agentSlug, text });
  await expect
    .poll(async () => (await db.task.findUniqueOrThrow({ where: { id } })).settledAt, { timeout: 20_000 })
    .not.toBeNull();
  return id;
}

describe("the seller overview", () => {
  it("shows this month's earnings from the ledger, buyers' tasks, rating and health, also per listing", async () => {
    const { agent: analyst, sellerOrg, seller } = await publishDemoAgent("northwind-research-analyst", 30);
    const checker = await alsoList(sellerOrg.id, "northwind-contract-checker", 20);
    const sellerCaller = await callerFor(seller.email);
    const alpha = await buyerWithCredits(500);
    const beta = await buyerWithCredits(500);
    const alphaCaller = await callerFor(alpha.user.email);
    const betaCaller = await callerFor(beta.user.email);

    await runToEnd(alphaCaller, alpha.org.id, analyst.slug, "Small modular reactors");
    await runToEnd(betaCaller, beta.org.id, analyst.slug, "Heat pumps in Nordic homes");
    // A failed task is a buyer's task, but earns nothing (the hold is released).
    await runToEnd(betaCaller, beta.org.id, checker.slug, "FAIL this one");
    await alphaCaller.reviews.upsert({ orgId: alpha.org.id, agentSlug: analyst.slug, rating: 4, text: "Solid" });
    await betaCaller.reviews.upsert({ orgId: beta.org.id, agentSlug: analyst.slug, rating: 5 });
    await sellerCaller.reviews.reply({
      orgId: sellerOrg.id,
      reviewId: (await db.review.findFirstOrThrow({ where: { orgId: beta.org.id } })).id,
      reply: "Thank you!",
    });
    await probeAgent({ agentId: analyst.id });

    const share = splitCapture(30, env.PLATFORM_FEE_BPS).seller;
    expect(share).toBeGreaterThan(0);
    const overview = await sellerCaller.sell.overview({ orgId: sellerOrg.id });
    expect(overview).toMatchObject({
      earnings: { thisMonth: 2 * share, pending: 2 * share, available: 0 },
      tasks: { thisMonth: 3, completedThisMonth: 2 },
      rating: { average: 4.5, count: 2, unanswered: 1 },
      health: { live: 2, healthy: 1, failing: 0, unchecked: 1 },
    });
    const rows = (await sellerCaller.sell.list({ orgId: sellerOrg.id })).items;
    expect(rows.find((r) => r.id === analyst.id)).toMatchObject({
      earningsThisMonth: 2 * share,
      tasksThisMonth: 2,
      taskCount: 2,
      ratingAvg: 4.5,
      ratingCount: 2,
      health: "HEALTHY",
      phase: "PUBLISHED",
    });
    expect(rows.find((r) => r.id === checker.id)).toMatchObject({ earningsThisMonth: 0, tasksThisMonth: 1 });

    // The earnings are the ledger's capture entries on the seller's pending account.
    const captured = await db.ledgerEntry.aggregate({
      where: { account: { orgId: sellerOrg.id, kind: "SELLER_PENDING" }, transaction: { kind: "capture" } },
      _sum: { amount: true },
    });
    expect(captured._sum.amount).toBe(overview.earnings.thisMonth);

    // Next month the month's numbers start again; what is owed stays.
    const nextMonth = new Date();
    nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1, 1);
    expect(await getSellerOverview({ orgId: sellerOrg.id, now: nextMonth })).toMatchObject({
      earnings: { thisMonth: 0, pending: 2 * share },
      tasks: { thisMonth: 0, completedThisMonth: 0 },
    });
  });

  it("counts neither the seller's own runs nor another seller's as buyers' tasks; the org's own to read", async () => {
    const { agent, sellerOrg, seller } = await publishDemoAgent("northwind-research-analyst", 30);
    const sellerCaller = await callerFor(seller.email);
    await grantCredits({
      orgId: sellerOrg.id,
      amount: 100,
      key: `test:${unique()}`,
      reason: "test",
      actorUserId: null,
    });
    // The seller runs its own published agent: it is no buyer's task, but a paid run like any other,
    // so the listing's all-time count (and quality) include it; only free test runs of a draft do not.
    await runToEnd(sellerCaller, sellerOrg.id, agent.slug, "Our own smoke test");
    const other = await publishDemoAgent("northwind-research-analyst", 30);
    const buyer = await buyerWithCredits(200);
    await runToEnd(await callerFor(buyer.user.email), buyer.org.id, other.agent.slug, "Someone else's listing");

    const overview = await sellerCaller.sell.overview({ orgId: sellerOrg.id });
    expect(overview.tasks).toEqual({ thisMonth: 0, completedThisMonth: 0 });
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).taskCount).toBe(1);
    expect((await sellerCaller.sell.list({ orgId: sellerOrg.id })).items[0]).toMatchObject({
      tasksThisMonth: 0,
      taskCount: 1,
    });

    await expect((await callerFor(buyer.user.email)).sell.overview({ orgId: sellerOrg.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const buyerView = await (await callerFor(buyer.user.email)).sell.overview({ orgId: buyer.org.id });
    expect(buyerView).toMatchObject({
      earnings: { thisMonth: 0, pending: 0, available: 0 },
      tasks: { thisMonth: 0 },
      rating: { average: null, count: 0 },
      health: { live: 0 },
    });
  });
});
