import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { demoAgentCardUrl } from "@/server/demo-agents/catalog";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { getAgentQuality } from "@/server/services/quality/agent-quality";
import { addMember, callerFor, createUser, ownerWithOrg, unique } from "../support/factories";
import { useTaskRuntime } from "../support/app-server";
import { platformAdmin } from "../support/registry-factories";
import { publishDemoAgent } from "../support/task-fixtures";

useTaskRuntime();

/** A seller org with credits (so a charge would show) and a draft of one of the app's demo agents. */
async function sellerWithDraft(demoSlug: string, pricePerTask = 40) {
  const seller = await ownerWithOrg("Seller Co");
  await grantCredits({ orgId: seller.org.id, amount: 300, key: `test:${unique()}`, reason: "test", actorUserId: null });
  const created = await seller.caller.sell.create({
    orgId: seller.org.id,
    source: { kind: "url", url: demoAgentCardUrl(demoSlug, process.env.APP_URL!) },
    pricePerTask,
    categories: ["research"],
  });
  if (!created.ok) throw new Error(`listing failed: ${created.errors.join(" ")}`);
  return { ...seller, agentId: created.agentId, slug: created.slug };
}

/** Everything the org's money is made of: its accounts and every ledger transaction naming it. */
async function moneyOf(orgId: string) {
  const [accounts, transactions, holds] = await Promise.all([
    db.ledgerAccount.findMany({ where: { orgId }, orderBy: { kind: "asc" }, select: { kind: true, balance: true } }),
    db.ledgerTransaction.findMany({ where: { orgId }, orderBy: { createdAt: "asc" }, select: { kind: true } }),
    db.creditHold.count({ where: { orgId } }),
  ]);
  return { accounts, transactions: transactions.map((t) => t.kind), holds };
}

const settled = (taskId: string) =>
  expect
    .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).settledAt, { timeout: 20_000 })
    .not.toBeNull();

describe("test-running a draft", () => {
  it("runs the draft against its endpoint with the live timeline, and bills nothing", async () => {
    const seller = await sellerWithDraft("northwind-research-analyst", 40);
    const before = await moneyOf(seller.org.id);
    expect(before.accounts).toEqual([{ kind: "ORG_WALLET", balance: 300 }]);

    const run = await seller.caller.sell.testRun({
      orgId: seller.org.id,
      agentId: seller.agentId,
      text: "The state of small modular reactors",
    });
    expect(run.price).toBe(0);
    await settled(run.id);

    // The run page reads it like any run: every status, progress and the result.
    const task = await seller.caller.tasks.get({ orgId: seller.org.id, taskId: run.id });
    expect(task).toMatchObject({
      state: "COMPLETED",
      price: 0,
      source: "SANDBOX",
      canReview: false,
      agent: { slug: seller.slug },
    });
    // The Runs list labels it a test run by its source.
    const listed = await seller.caller.tasks.list({ orgId: seller.org.id });
    expect(listed.items.find((t) => t.id === run.id)).toMatchObject({ source: "SANDBOX", price: 0 });
    const kinds = task.events.map((e) => e.kind);
    expect(kinds).toContain("artifact");
    const states = task.events.flatMap((e) => (e.kind === "status" ? [e.data.state] : []));
    expect(states[0]).toBe("SUBMITTED");
    expect(states.filter((s) => s === "WORKING").length).toBeGreaterThanOrEqual(2);
    expect(states.at(-1)).toBe("COMPLETED");
    expect(task.artifacts[0]?.parts.length).toBeGreaterThan(0);

    // Not billed: no hold, no ledger transaction, the wallet as it was; the listing's numbers unmoved.
    expect(await moneyOf(seller.org.id)).toEqual(before);
    expect((await checkLedger(db)).ok).toBe(true);
    const agent = await db.agent.findUniqueOrThrow({ where: { id: seller.agentId } });
    expect(agent).toMatchObject({ status: "DRAFT", taskCount: 0 });
    expect((await getAgentQuality({ agentId: seller.agentId })).taskCount).toBe(0);
    expect((await seller.caller.sell.list({ orgId: seller.org.id })).items[0]).toMatchObject({
      tasksThisMonth: 0,
      earningsThisMonth: 0,
    });
  });

  it("reports an agent's own failure on the timeline, still free", async () => {
    const seller = await sellerWithDraft("northwind-contract-checker", 15);
    const run = await seller.caller.sell.testRun({
      orgId: seller.org.id,
      agentId: seller.agentId,
      text: "FAIL this task so I can see what buyers see",
    });
    await settled(run.id);
    const task = await seller.caller.tasks.get({ orgId: seller.org.id, taskId: run.id });
    expect(task.state).toBe("FAILED");
    expect((await moneyOf(seller.org.id)).accounts).toEqual([{ kind: "ORG_WALLET", balance: 300 }]);
    expect(await db.creditHold.count({ where: { taskId: run.id } })).toBe(0);
  });

  it("is only for the seller's own drafts: another org gets not found, lower roles forbidden", async () => {
    const seller = await sellerWithDraft("northwind-research-analyst");
    const ids = { orgId: seller.org.id, agentId: seller.agentId, text: "Hello" };

    const rival = await ownerWithOrg("Rival");
    await grantCredits({
      orgId: rival.org.id,
      amount: 300,
      key: `test:${unique()}`,
      reason: "test",
      actorUserId: null,
    });
    await expect(rival.caller.sell.testRun({ ...ids, orgId: rival.org.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Naming the seller's org instead fails on membership.
    await expect(rival.caller.sell.testRun(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const role of ["member", "viewer"] as const) {
      const user = await createUser(role);
      await addMember(seller.org.id, user.id, role);
      await expect((await callerFor(user.email)).sell.testRun(ids)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    // Once it is in review or published it is no longer a draft to test for free.
    await seller.caller.sell.submit({ orgId: seller.org.id, agentId: seller.agentId });
    await expect(seller.caller.sell.testRun(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await (await platformAdmin()).caller.admin.approve({ agentId: seller.agentId });
    await expect(seller.caller.sell.testRun(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await db.task.count({ where: { agentId: seller.agentId } })).toBe(0);
    expect(await db.ledgerTransaction.count({ where: { orgId: rival.org.id, kind: { not: "grant" } } })).toBe(0);
  });

  it("stays out of the listing's task count and quality, where the seller's paid runs of it count", async () => {
    const { agent, sellerOrg, seller } = await publishDemoAgent("northwind-research-analyst", 30);
    await grantCredits({
      orgId: sellerOrg.id,
      amount: 100,
      key: `test:${unique()}`,
      reason: "test",
      actorUserId: null,
    });
    const caller = await callerFor(seller.email);
    const ids = { orgId: sellerOrg.id, agentId: agent.id };

    // A paid run of its own published listing is a marketplace task like any buyer's.
    const paid = await caller.tasks.start({ orgId: sellerOrg.id, agentSlug: agent.slug, text: "Heat pumps" });
    expect(paid.price).toBe(30);
    await settled(paid.id);
    expect(await db.task.findUniqueOrThrow({ where: { id: paid.id } })).toMatchObject({
      source: "UI",
      state: "COMPLETED",
    });
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).taskCount).toBe(1);
    expect(await getAgentQuality({ agentId: agent.id })).toMatchObject({ taskCount: 1, completedCount: 1 });

    // Unpublished, it is a draft again: its free test runs change nothing.
    await caller.sell.control({ ...ids, control: "unpublish" });
    const ok = await caller.sell.testRun({ ...ids, text: "Small modular reactors" });
    const again = await caller.sell.testRun({ ...ids, text: "Heat pumps, second try" });
    await settled(ok.id);
    await settled(again.id);
    const sources = await db.task.findMany({ where: { agentId: agent.id }, select: { id: true, source: true } });
    expect(new Map(sources.map((t) => [t.id, t.source]))).toEqual(
      new Map([
        [paid.id, "UI"],
        [ok.id, "SANDBOX"],
        [again.id, "SANDBOX"],
      ]),
    );
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).taskCount).toBe(1);
    expect(await getAgentQuality({ agentId: agent.id })).toMatchObject({
      taskCount: 1,
      completedCount: 1,
      failedCount: 0,
      successRate: 1,
      avgCost: 30,
    });
  });
});
