import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, callerFor, createUser, ownerWithOrg } from "../../support/factories";
import { publishDemoAgent } from "../../support/task-fixtures";
import { seedTask } from "./seed-tasks";

async function buyerThatRan(agentId: string, state: "COMPLETED" | "FAILED" = "COMPLETED", name = "Reviewer Co") {
  const buyer = await ownerWithOrg(name);
  const task = await seedTask({ orgId: buyer.org.id, agentId, state });
  return { ...buyer, task };
}

describe("reviews", () => {
  it("needs a completed run first", async () => {
    const { agent } = await publishDemoAgent("northwind-copy-editor");
    const buyer = await buyerThatRan(agent.id, "FAILED");
    await expect(
      buyer.caller.reviews.upsert({ orgId: buyer.org.id, agentSlug: agent.slug, rating: 5, text: "Great" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Run this agent to completion before reviewing it.",
    });
    expect(await db.review.count({ where: { agentId: agent.id } })).toBe(0);
    const view = await buyer.caller.tasks.get({ orgId: buyer.org.id, taskId: buyer.task.id });
    expect(view).toMatchObject({ canReview: false, review: null });
  });

  it("keeps one editable review per org and the agent's rating in step", async () => {
    const { agent } = await publishDemoAgent("northwind-copy-editor");
    const first = await buyerThatRan(agent.id, "COMPLETED", "Alpha Inc");
    const created = await first.caller.reviews.upsert({
      orgId: first.org.id,
      agentSlug: agent.slug,
      rating: 2,
      text: "Slow",
    });
    const edited = await first.caller.reviews.upsert({
      orgId: first.org.id,
      agentSlug: agent.slug,
      rating: 4,
      text: "Better on a second look",
    });
    expect(edited).toMatchObject({ id: created.id, rating: 4, text: "Better on a second look" });
    expect(await db.review.count({ where: { agentId: agent.id } })).toBe(1);
    expect(
      await db.agent.findUniqueOrThrow({ where: { id: agent.id }, select: { ratingAvg: true, ratingCount: true } }),
    ).toEqual({ ratingAvg: 4, ratingCount: 1 });

    const second = await buyerThatRan(agent.id, "COMPLETED", "Beta LLC");
    await second.caller.reviews.upsert({ orgId: second.org.id, agentSlug: agent.slug, rating: 5 });
    expect(
      await db.agent.findUniqueOrThrow({ where: { id: agent.id }, select: { ratingAvg: true, ratingCount: true } }),
    ).toEqual({ ratingAvg: 4.5, ratingCount: 2 });

    const view = await first.caller.tasks.get({ orgId: first.org.id, taskId: first.task.id });
    expect(view).toMatchObject({ canReview: true, review: { id: created.id, rating: 4 } });

    const page1 = await first.caller.reviews.listForAgent({ slug: agent.slug, limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({ orgName: "Beta LLC", rating: 5, text: "" });
    const page2 = await first.caller.reviews.listForAgent({ slug: agent.slug, limit: 1, cursor: page1.nextCursor });
    expect(page2).toMatchObject({ items: [{ orgName: "Alpha Inc", rating: 4 }], nextCursor: null });
    // Buyers review as their company: no person's email or name leaks.
    expect(JSON.stringify([page1, page2])).not.toContain("@");
  });

  it.each([0, 6, 3.5])("refuses a rating of %s and changes nothing", async (rating) => {
    const { agent } = await publishDemoAgent("northwind-copy-editor");
    const buyer = await buyerThatRan(agent.id);
    await expect(
      buyer.caller.reviews.upsert({ orgId: buyer.org.id, agentSlug: agent.slug, rating, text: "x" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.review.count({ where: { agentId: agent.id } })).toBe(0);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).ratingCount).toBe(0);
  });

  it("refuses viewers, and sellers reviewing their own agent", async () => {
    const { agent, sellerOrg, seller } = await publishDemoAgent("northwind-copy-editor");
    const buyer = await buyerThatRan(agent.id);
    const viewer = await createUser("Viewer");
    await addMember(buyer.org.id, viewer.id, "viewer");
    await expect(
      (await callerFor(viewer.email)).reviews.upsert({ orgId: buyer.org.id, agentSlug: agent.slug, rating: 5 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await seedTask({ orgId: sellerOrg.id, agentId: agent.id, state: "COMPLETED" });
    await expect(
      (await callerFor(seller.email)).reviews.upsert({ orgId: sellerOrg.id, agentSlug: agent.slug, rating: 5 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.review.count({ where: { agentId: agent.id } })).toBe(0);
  });

  it("lets only the seller org's admins reply", async () => {
    const { agent, sellerOrg, seller } = await publishDemoAgent("northwind-copy-editor");
    const buyer = await buyerThatRan(agent.id);
    const review = await buyer.caller.reviews.upsert({
      orgId: buyer.org.id,
      agentSlug: agent.slug,
      rating: 3,
      text: "Fine",
    });

    await expect(
      buyer.caller.reviews.reply({ orgId: buyer.org.id, reviewId: review.id, reply: "Thanks!" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const sellerMember = await createUser("Seller member");
    await addMember(sellerOrg.id, sellerMember.id, "member");
    await expect(
      (await callerFor(sellerMember.email)).reviews.reply({
        orgId: sellerOrg.id,
        reviewId: review.id,
        reply: "Thanks!",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).sellerReply).toBeNull();

    const sellerCaller = await callerFor(seller.email);
    await expect(
      sellerCaller.reviews.reply({ orgId: sellerOrg.id, reviewId: review.id, reply: "  " }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const replied = await sellerCaller.reviews.reply({
      orgId: sellerOrg.id,
      reviewId: review.id,
      reply: "Thanks, we sped it up.",
    });
    expect(replied.repliedAt).toBeInstanceOf(Date);
    // A reply is not the buyer editing their review.
    expect((await db.review.findUniqueOrThrow({ where: { id: review.id } })).updatedAt).toEqual(review.updatedAt);
    const seen = await sellerCaller.reviews.listForSeller({ orgId: sellerOrg.id });
    expect(seen.items).toMatchObject([
      { id: review.id, orgName: "Reviewer Co", sellerReply: "Thanks, we sped it up.", agent: { slug: agent.slug } },
    ]);
    expect((await sellerCaller.reviews.listForSeller({ orgId: sellerOrg.id, unanswered: true })).items).toEqual([]);
    expect((await buyer.caller.reviews.listForSeller({ orgId: buyer.org.id })).items).toEqual([]);
    const onPage = await buyer.caller.reviews.listForAgent({ slug: agent.slug });
    expect(onPage.items[0]).toMatchObject({ sellerReply: "Thanks, we sped it up." });
  });

  it("hides reviews of agents that are not published", async () => {
    const { agent } = await publishDemoAgent("northwind-copy-editor");
    const buyer = await buyerThatRan(agent.id);
    await db.agent.update({ where: { id: agent.id }, data: { status: "SUSPENDED" } });
    await expect(buyer.caller.reviews.listForAgent({ slug: agent.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
