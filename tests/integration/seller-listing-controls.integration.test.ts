import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isDomainError } from "@/server/errors";
import { serveGateway } from "@/server/gateway/serve-gateway";
import { searchCatalog } from "@/server/services/registry/search-catalog";
import { startTask } from "@/server/services/tasks/start-task";
import { addMember, callerFor, createUser, ownerWithOrg } from "../support/factories";
import { startFakeAgent, type FakeAgent } from "../support/agent-card-server";
import { platformAdmin, publish, sellerWithListing } from "../support/registry-factories";
import { buyerWithCredits, walletOf } from "../support/task-fixtures";

let agent: FakeAgent;
beforeEach(async () => {
  agent = await startFakeAgent();
});
afterEach(() => agent.close());

async function publishedListing() {
  const seller = await sellerWithListing(agent, { pricePerTask: 25 });
  await publish(seller, seller.agentId);
  const ids = { orgId: seller.org.id, agentId: seller.agentId };
  return { seller, ids };
}

const sellerAudit = (orgId: string, agentId: string) =>
  db.auditLog
    .findMany({ where: { orgId, target: agentId }, orderBy: { id: "asc" }, select: { action: true } })
    .then((rows) => rows.map((r) => r.action));

/** The catalog's answer to a search for the listing's (unique) name. */
async function catalogSlugs(agentId: string) {
  const { name } = await db.agent.findUniqueOrThrow({ where: { id: agentId }, select: { name: true } });
  return (await searchCatalog({ q: name, limit: 50 })).items.map((i) => i.slug);
}

/** startTask as every door calls it, returning the DomainError it refuses with. */
async function refusal(input: Parameters<typeof startTask>[0]) {
  try {
    await startTask(input);
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error("startTask accepted the task");
}

describe("pausing a listing", () => {
  it("takes it off the marketplace, refuses new tasks at every door with a reason; resume brings it back", async () => {
    const { seller, ids } = await publishedListing();
    const buyer = await buyerWithCredits(500);
    const buyerCaller = await callerFor(buyer.user.email);
    expect(await catalogSlugs(seller.agentId)).toContain(seller.slug);
    expect(await seller.caller.sell.control({ ...ids, control: "pause" })).toEqual({
      id: seller.agentId,
      status: "PAUSED",
      phase: "PAUSED",
    });
    // A status of its own, not a variant of Bureau's suspension.
    expect(await db.agent.findUniqueOrThrow({ where: { id: seller.agentId } })).toMatchObject({
      status: "PAUSED",
      statusReason: null,
    });
    expect(await seller.caller.sell.get(ids)).toMatchObject({ status: "PAUSED", phase: "PAUSED", statusReason: null });
    expect((await seller.caller.sell.list({ orgId: seller.org.id })).items[0]).toMatchObject({ phase: "PAUSED" });

    // The UI door: a readable refusal, not "not found".
    const viaUi = buyerCaller.tasks.start({ orgId: buyer.org.id, agentSlug: seller.slug, text: "Translate this" });
    await expect(viaUi).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    await expect(viaUi).rejects.toThrow(/paused by its seller/);
    // startTask itself, by slug and by id (the gateway resolves an id, then starts).
    const message = {
      messageId: crypto.randomUUID(),
      role: "user" as const,
      parts: [{ kind: "text" as const, text: "x" }],
    };
    const common = { orgId: buyer.org.id, message, actor: { kind: "user" as const, userId: buyer.user.id } };
    expect(await refusal({ ...common, agent: { slug: seller.slug }, source: "UI" })).toMatchObject({
      code: "agent_unavailable",
      kind: "unavailable",
      message: expect.stringContaining("takes no new tasks until they resume it"),
    });
    expect(await refusal({ ...common, agent: { id: seller.agentId }, source: "A2A" })).toMatchObject({
      code: "agent_unavailable",
    });
    // The A2A gateway no longer serves it at all.
    const send = new Request(`http://localhost/api/a2a/agents/${seller.slug}`, {
      method: "POST",
      headers: { authorization: `Bearer ${buyer.apiKey}`, "content-type": "application/json", "a2a-version": "1.0" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "SendMessage",
        params: { message: { messageId: crypto.randomUUID(), role: "ROLE_USER", parts: [{ text: "Translate this" }] } },
      }),
    });
    const answer = await serveGateway(send, seller.slug);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { code: -32044 } });
    // The seller's own org cannot run it either, and nothing was started or held.
    expect(
      await refusal({
        orgId: seller.org.id,
        message: { ...message, messageId: crypto.randomUUID() },
        actor: { kind: "user", userId: seller.user.id },
        agent: { id: seller.agentId },
        source: "UI",
      }),
    ).toMatchObject({ code: "agent_unavailable" });
    expect(await db.task.count({ where: { agentId: seller.agentId } })).toBe(0);
    expect((await walletOf(buyer.org.id)).ORG_WALLET).toBe(500);
    await expect(buyerCaller.agents.get({ slug: seller.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Nor does the catalog list it.
    expect(await catalogSlugs(seller.agentId)).not.toContain(seller.slug);

    await expect(seller.caller.sell.control({ ...ids, control: "pause" })).rejects.toThrow(
      "This listing is paused, so it cannot be paused.",
    );
    expect(await seller.caller.sell.control({ ...ids, control: "resume" })).toMatchObject({
      status: "PUBLISHED",
      phase: "PUBLISHED",
    });
    // Resuming needs no review, and probes the endpoint again.
    expect(await seller.caller.sell.get(ids)).toMatchObject({ status: "PUBLISHED", health: "HEALTHY" });
    expect((await buyerCaller.agents.get({ slug: seller.slug })).slug).toBe(seller.slug);
    expect(await catalogSlugs(seller.agentId)).toContain(seller.slug);
    expect(await sellerAudit(seller.org.id, seller.agentId)).toEqual([
      "agent.created",
      "agent.submitted",
      "agent.paused",
      "agent.resumed",
    ]);
  });

  it("cannot be resumed once Bureau suspends it, and a moved endpoint sends it back to review", async () => {
    const { seller, ids } = await publishedListing();
    await seller.caller.sell.control({ ...ids, control: "pause" });
    const admin = await platformAdmin();
    // The admin queue shows paused listings under their own status, apart from Bureau's suspensions.
    const paused = await admin.caller.admin.reviewQueue({ status: "PAUSED" });
    expect(paused.items.find((i) => i.id === seller.agentId)).toMatchObject({ status: "PAUSED", phase: "PAUSED" });
    expect(paused.counts.PAUSED).toBeGreaterThanOrEqual(1);
    const suspendedBefore = await admin.caller.admin.reviewQueue({ status: "SUSPENDED" });
    expect(suspendedBefore.items.map((i) => i.id)).not.toContain(seller.agentId);
    await admin.caller.admin.suspend({ agentId: seller.agentId, reason: "Impersonates another vendor." });
    expect(await seller.caller.sell.get(ids)).toMatchObject({
      status: "SUSPENDED",
      phase: "SUSPENDED",
      statusReason: "Impersonates another vendor.",
    });
    const suspended = await admin.caller.admin.reviewQueue({ status: "SUSPENDED" });
    expect(suspended.items.find((i) => i.id === seller.agentId)).toMatchObject({ phase: "SUSPENDED" });
    await expect(seller.caller.sell.control({ ...ids, control: "resume" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This listing is suspended, so it cannot be resumed.",
    });
    // Suspended by Bureau, it refuses tasks as not found (only a seller's pause explains itself).
    const buyer = await buyerWithCredits(100);
    await expect(
      (await callerFor(buyer.user.email)).tasks.start({ orgId: buyer.org.id, agentSlug: seller.slug, text: "Hi" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The seller's way back is review.
    expect(await seller.caller.sell.submit(ids)).toMatchObject({ status: "IN_REVIEW" });

    // A paused listing whose card now points elsewhere must not resume onto the unreviewed endpoint.
    const other = await publishedListing();
    await other.seller.caller.sell.control({ ...other.ids, control: "pause" });
    agent.card = {
      ...agent.card,
      supportedInterfaces: [{ url: `${agent.origin}/rpc?moved=1`, protocolBinding: "JSONRPC" }],
    };
    await other.seller.caller.sell.refreshCard(other.ids);
    expect(await other.seller.caller.sell.get(other.ids)).toMatchObject({ phase: "IN_REVIEW" });
    await expect(other.seller.caller.sell.control({ ...other.ids, control: "resume" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("unpublishing a listing", () => {
  it("makes a published or paused listing a draft again, which goes through review to return", async () => {
    const { seller, ids } = await publishedListing();
    expect(await seller.caller.sell.control({ ...ids, control: "unpublish" })).toMatchObject({
      status: "DRAFT",
      phase: "UNPUBLISHED",
    });
    const listing = await seller.caller.sell.get(ids);
    expect(listing).toMatchObject({ status: "DRAFT", phase: "UNPUBLISHED", statusReason: null });
    expect(listing.publishedAt).toBeInstanceOf(Date);
    const buyer = await buyerWithCredits(100);
    await expect(
      (await callerFor(buyer.user.email)).tasks.start({ orgId: buyer.org.id, agentSlug: seller.slug, text: "Hi" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(seller.caller.sell.control({ ...ids, control: "resume" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(seller.caller.sell.control({ ...ids, control: "pause" })).rejects.toThrow(
      "This listing is unpublished, so it cannot be paused.",
    );

    await seller.caller.sell.submit(ids);
    const admin = await platformAdmin();
    await admin.caller.admin.approve({ agentId: seller.agentId });
    await seller.caller.sell.control({ ...ids, control: "pause" });
    await seller.caller.sell.control({ ...ids, control: "unpublish" });
    expect(await sellerAudit(seller.org.id, seller.agentId)).toEqual([
      "agent.created",
      "agent.submitted",
      "agent.unpublished",
      "agent.submitted",
      "agent.paused",
      "agent.unpublished",
    ]);
  });

  it("is refused to other orgs (not found), members and viewers (forbidden), and for drafts (conflict)", async () => {
    const { seller, ids } = await publishedListing();
    const rival = await ownerWithOrg("Rival");
    for (const control of ["pause", "resume", "unpublish"] as const) {
      await expect(
        rival.caller.sell.control({ orgId: rival.org.id, agentId: seller.agentId, control }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const role of ["member", "viewer"] as const) {
      const user = await createUser(role);
      await addMember(seller.org.id, user.id, role);
      await expect((await callerFor(user.email)).sell.control({ ...ids, control: "pause" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const draft = await sellerWithListing(agent);
    await expect(
      draft.caller.sell.control({ orgId: draft.org.id, agentId: draft.agentId, control: "unpublish" }),
    ).rejects.toThrow("This listing is a draft, so it cannot be unpublished.");
    expect(await db.agent.findUniqueOrThrow({ where: { id: seller.agentId } })).toMatchObject({ status: "PUBLISHED" });
  });
});
