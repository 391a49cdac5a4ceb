import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { ownerWithOrg } from "../../support/factories";
import { publishDemoAgent } from "../../support/task-fixtures";
import { seedTask } from "./seed-tasks";

describe("agent quality", () => {
  it("is measured from finished tasks of every buyer org", async () => {
    const { agent } = await publishDemoAgent("northwind-blog-writer");
    const { agent: other } = await publishDemoAgent("northwind-blog-writer");
    const alpha = await ownerWithOrg("Alpha");
    const beta = await ownerWithOrg("Beta");
    // Ten completed runs of 100 ms … 1,000 ms, half at 10 credits and half at 20.
    for (let i = 1; i <= 10; i++) {
      await seedTask({
        orgId: i % 2 ? alpha.org.id : beta.org.id,
        agentId: agent.id,
        state: "COMPLETED",
        durationMs: i * 100,
        price: i <= 5 ? 10 : 20,
      });
    }
    // Failures count against success; their durations and prices do not enter the percentiles or the cost.
    await seedTask({ orgId: alpha.org.id, agentId: agent.id, state: "FAILED", durationMs: 90_000, price: 500 });
    await seedTask({ orgId: alpha.org.id, agentId: agent.id, state: "FAILED", durationMs: 90_000, price: 500 });
    await seedTask({ orgId: beta.org.id, agentId: agent.id, state: "REJECTED", durationMs: 5 });
    // Buyer cancels are neither success nor failure; running tasks are not finished yet.
    for (let i = 0; i < 3; i++)
      await seedTask({ orgId: beta.org.id, agentId: agent.id, state: "CANCELED", durationMs: 1 });
    await seedTask({ orgId: beta.org.id, agentId: agent.id, state: "WORKING" });
    // Another agent's tasks stay out.
    await seedTask({ orgId: alpha.org.id, agentId: other.id, state: "COMPLETED", durationMs: 1_000_000, price: 999 });

    await alpha.caller.reviews.upsert({ orgId: alpha.org.id, agentSlug: agent.slug, rating: 4 });
    await beta.caller.reviews.upsert({ orgId: beta.org.id, agentSlug: agent.slug, rating: 5, text: "Clear writing" });

    const quality = await alpha.caller.quality.agent({ slug: agent.slug });
    expect(quality).toEqual({
      taskCount: 16,
      completedCount: 10,
      failedCount: 3,
      canceledCount: 3,
      successRate: 10 / 13,
      // percentile_cont over 100…1000: 0.5 → 550; 0.95 → 900 + 0.55 × 100.
      p50DurationMs: 550,
      p95DurationMs: 955,
      avgCost: 15,
      ratingAvg: 4.5,
      ratingCount: 2,
    });
  });

  it("counts the seller's own paid runs of its listing, never its sandbox test runs", async () => {
    const { agent, sellerOrg } = await publishDemoAgent("northwind-blog-writer", 10);
    const buyer = await ownerWithOrg("Buyer");
    await seedTask({ orgId: buyer.org.id, agentId: agent.id, state: "COMPLETED", durationMs: 100, price: 10 });
    // The seller paying for a run of its own published listing: a task like a buyer's.
    await seedTask({ orgId: sellerOrg.id, agentId: agent.id, state: "FAILED", price: 10 });
    // Free test runs from when it was a draft (or since): a success and a failure that must not move anything.
    for (const state of ["COMPLETED", "FAILED", "CANCELED"] as const)
      await seedTask({
        orgId: sellerOrg.id,
        agentId: agent.id,
        state,
        durationMs: 90_000,
        price: 0,
        source: "SANDBOX",
      });

    expect(await buyer.caller.quality.agent({ slug: agent.slug })).toMatchObject({
      taskCount: 2,
      completedCount: 1,
      failedCount: 1,
      canceledCount: 0,
      successRate: 0.5,
      p50DurationMs: 100,
      avgCost: 10,
    });
  });

  it("is empty before any finished task, and not found for an unpublished agent", async () => {
    const { agent } = await publishDemoAgent("northwind-blog-writer");
    const { caller } = await ownerWithOrg();
    expect(await caller.quality.agent({ slug: agent.slug })).toEqual({
      taskCount: 0,
      completedCount: 0,
      failedCount: 0,
      canceledCount: 0,
      successRate: null,
      p50DurationMs: null,
      p95DurationMs: null,
      avgCost: null,
      ratingAvg: null,
      ratingCount: 0,
    });
    await db.agent.update({ where: { id: agent.id }, data: { status: "DRAFT" } });
    await expect(caller.quality.agent({ slug: agent.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
