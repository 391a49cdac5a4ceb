import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, callerFor, createUser, ownerWithOrg } from "../support/factories";
import { fakeCard, startFakeAgent, type FakeAgent } from "../support/agent-card-server";
import { platformAdmin, publish, sellerWithListing } from "../support/registry-factories";

let agent: FakeAgent;
beforeEach(async () => {
  agent = await startFakeAgent();
});
afterEach(() => agent.close());

describe("publishing from an Agent Card", () => {
  it("creates a draft from a card URL with version 1, skills and the card's capabilities", async () => {
    const seller = await sellerWithListing(agent, { pricePerTask: 55 });
    const listing = await seller.caller.sell.get({ orgId: seller.org.id, agentId: seller.agentId });
    expect(listing).toMatchObject({
      status: "DRAFT",
      cardUrl: agent.cardUrl,
      endpointUrl: agent.endpointUrl,
      pricePerTask: 55,
      streaming: true,
      currentVersion: 1,
      categories: ["translation"],
      tags: ["translation", "localization", "terminology"],
    });
    expect(listing.skills.map((s) => s.skillId)).toEqual(["translate", "glossary"]);
    expect(listing.versions).toEqual([
      expect.objectContaining({ version: 1, source: "url", cardVersion: "1.0.0", changes: [] }),
    ]);
    expect(listing.slug).toMatch(/^quillfeather-translator-/);
  });

  it("accepts a bare origin as its well-known card, and pasted 0.3 card JSON", async () => {
    const { org, caller } = await ownerWithOrg();
    const viaOrigin = await caller.sell.create({
      orgId: org.id,
      source: { kind: "url", url: agent.origin },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(viaOrigin.ok).toBe(true);
    const legacy = {
      ...fakeCard(agent.endpointUrl),
      supportedInterfaces: undefined,
      url: agent.endpointUrl,
      preferredTransport: "JSONRPC",
      protocolVersion: "0.3.0",
    };
    const pasted = await caller.sell.create({
      orgId: org.id,
      source: { kind: "json", text: JSON.stringify(legacy) },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(pasted.ok).toBe(true);
    if (!pasted.ok) return;
    const listing = await caller.sell.get({ orgId: org.id, agentId: pasted.agentId });
    expect(listing).toMatchObject({ cardUrl: null, versions: [expect.objectContaining({ source: "paste" })] });
    expect(await db.agent.findUniqueOrThrow({ where: { id: pasted.agentId } })).toMatchObject({
      protocolVersion: "0.3.0",
    });
  });

  it("lists every card problem in plain words and creates nothing", async () => {
    const { org, caller } = await ownerWithOrg();
    agent.card = { ...fakeCard(agent.endpointUrl), name: "", skills: [{ id: "x", name: "X" }] };
    const fetched = await caller.sell.create({
      orgId: org.id,
      source: { kind: "url", url: agent.cardUrl },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(fetched).toEqual({
      ok: false,
      errors: ["name is empty.", "skills[0].description is missing.", "skills[0].tags is missing."],
    });

    const notJson = await caller.sell.create({
      orgId: org.id,
      source: { kind: "json", text: "{ nope" },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(notJson).toMatchObject({ ok: false, errors: [expect.stringMatching(/^The card is not valid JSON/)] });

    const missing = await caller.sell.create({
      orgId: org.id,
      source: { kind: "url", url: `${agent.origin}/nothing.json` },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(missing).toEqual({
      ok: false,
      errors: ["The card URL answered HTTP 404; expected 200 with the card's JSON."],
    });

    const privateCard = await caller.sell.create({
      orgId: org.id,
      source: { kind: "url", url: "http://169.254.169.254/latest/meta-data" },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(privateCard).toMatchObject({ ok: false, errors: [expect.stringContaining("private or reserved address")] });

    const privateEndpoint = await caller.sell.create({
      orgId: org.id,
      source: { kind: "json", text: JSON.stringify(fakeCard("http://10.0.0.7/rpc")) },
      pricePerTask: 10,
      categories: ["writing"],
    });
    expect(privateEndpoint).toMatchObject({
      ok: false,
      errors: [expect.stringContaining("endpoint http://10.0.0.7/rpc cannot be used")],
    });

    await expect(
      caller.sell.create({ orgId: org.id, source: { kind: "json", text: "{}" }, pricePerTask: 0, categories: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.agent.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("who may change a listing", () => {
  it("refuses another seller org everything (NOT_FOUND) and lower roles changes (FORBIDDEN)", async () => {
    const seller = await sellerWithListing(agent);
    const other = await ownerWithOrg("Rival");
    const ids = { orgId: other.org.id, agentId: seller.agentId };
    await expect(other.caller.sell.update({ ...ids, pricePerTask: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.sell.submit(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.sell.get(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.sell.refreshCard(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.sell.checkHealth(ids)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Naming the victim's org instead fails on membership.
    await expect(
      other.caller.sell.update({ orgId: seller.org.id, agentId: seller.agentId, pricePerTask: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const member = await createUser("Member");
    await addMember(seller.org.id, member.id, "member");
    const asMember = await callerFor(member.email);
    await expect(
      asMember.sell.update({ orgId: seller.org.id, agentId: seller.agentId, pricePerTask: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await asMember.sell.list({ orgId: seller.org.id })).items).toHaveLength(1);
    expect(await db.agent.findUniqueOrThrow({ where: { id: seller.agentId } })).toMatchObject({
      pricePerTask: 40,
      status: "DRAFT",
    });
  });

  it("lets only platform admins review", async () => {
    const seller = await sellerWithListing(agent);
    await seller.caller.sell.submit({ orgId: seller.org.id, agentId: seller.agentId });
    await expect(seller.caller.admin.approve({ agentId: seller.agentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(seller.caller.admin.reviewQueue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.agent.findUniqueOrThrow({ where: { id: seller.agentId } })).status).toBe("IN_REVIEW");
  });
});

describe("review", () => {
  it("approves into the catalog and probes health on publish", async () => {
    const seller = await sellerWithListing(agent);
    await seller.caller.sell.submit({ orgId: seller.org.id, agentId: seller.agentId });
    const admin = await platformAdmin();
    const queue = await admin.caller.admin.reviewQueue({});
    expect(queue.items.map((i) => i.id)).toContain(seller.agentId);
    expect(await admin.caller.admin.approve({ agentId: seller.agentId })).toEqual({
      id: seller.agentId,
      status: "PUBLISHED",
    });
    const listing = await seller.caller.sell.get({ orgId: seller.org.id, agentId: seller.agentId });
    expect(listing).toMatchObject({
      status: "PUBLISHED",
      health: "HEALTHY",
      healthChecks: [expect.objectContaining({ ok: true, httpStatus: 200 })],
    });
    expect(agent.rpcCalls).toEqual([{ method: "GetTask" }]);
    await expect(admin.caller.admin.approve({ agentId: seller.agentId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects back to draft and suspends, each with a reason the seller sees", async () => {
    const seller = await sellerWithListing(agent);
    const ids = { orgId: seller.org.id, agentId: seller.agentId };
    await seller.caller.sell.submit(ids);
    const admin = await platformAdmin();
    await expect(admin.caller.admin.reject({ agentId: seller.agentId, reason: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await admin.caller.admin.reject({ agentId: seller.agentId, reason: "Add examples to the glossary skill." });
    expect(await seller.caller.sell.get(ids)).toMatchObject({
      status: "DRAFT",
      statusReason: "Add examples to the glossary skill.",
    });

    await seller.caller.sell.submit(ids);
    await admin.caller.admin.approve({ agentId: seller.agentId });
    await admin.caller.admin.suspend({ agentId: seller.agentId, reason: "Answers with errors since Monday." });
    const { items } = await seller.caller.sell.list({ orgId: seller.org.id });
    expect(items[0]).toMatchObject({ status: "SUSPENDED", statusReason: "Answers with errors since Monday." });
    // Bureau's suspension, not a seller's pause: listed under SUSPENDED only.
    expect((await admin.caller.admin.reviewQueue({ status: "SUSPENDED" })).items.map((i) => i.id)).toContain(
      seller.agentId,
    );
    expect((await admin.caller.admin.reviewQueue({ status: "PAUSED" })).items.map((i) => i.id)).not.toContain(
      seller.agentId,
    );
    const audit = await db.auditLog.findMany({
      where: { orgId: null, target: seller.agentId },
      orderBy: { id: "asc" },
      select: { action: true },
    });
    expect(audit.map((a) => a.action)).toEqual(["agent.rejected", "agent.approved", "agent.suspended"]);
  });
});

describe("admin review", () => {
  it("shows each listing's card, its last health check, and other listings on the same endpoint", async () => {
    const first = await sellerWithListing(agent);
    await publish(first, first.agentId);
    const copycat = await sellerWithListing(agent);
    await copycat.caller.sell.submit({ orgId: copycat.org.id, agentId: copycat.agentId });
    // The same server written differently (host case, trailing slash) is still the same endpoint.
    const pasted = await copycat.caller.sell.create({
      orgId: copycat.org.id,
      source: {
        kind: "json",
        text: JSON.stringify(fakeCard(`${agent.endpointUrl.replace("localhost", "LOCALHOST")}/`)),
      },
      pricePerTask: 10,
      categories: ["writing"],
    });
    if (!pasted.ok) throw new Error(pasted.errors.join(" "));
    expect((await db.agent.findUniqueOrThrow({ where: { id: pasted.agentId } })).endpointUrl).not.toBe(
      agent.endpointUrl,
    );
    const elsewhere = await startFakeAgent();
    const unrelated = await sellerWithListing(elsewhere);
    await unrelated.caller.sell.submit({ orgId: unrelated.org.id, agentId: unrelated.agentId });

    const admin = await platformAdmin();
    const queue = await admin.caller.admin.reviewQueue({ status: "IN_REVIEW" });
    const item = queue.items.find((i) => i.id === copycat.agentId);
    expect(item).toMatchObject({
      phase: "IN_REVIEW",
      lastCheck: null,
      card: expect.objectContaining({ name: expect.stringMatching(/^Quillfeather Translator/) }),
    });
    expect(item?.sameEndpoint).toEqual([
      {
        id: first.agentId,
        slug: first.slug,
        name: expect.any(String),
        sellerName: "Seller Co",
        sameSeller: false,
        phase: "PUBLISHED",
      },
      expect.objectContaining({ id: pasted.agentId, sameSeller: true, phase: "DRAFT" }),
    ]);
    expect(queue.items.find((i) => i.id === unrelated.agentId)?.sameEndpoint).toEqual([]);

    // The admin can probe it from the queue; the result is the card's last check.
    expect(await admin.caller.admin.checkHealth({ agentId: copycat.agentId })).toMatchObject({ ok: true });
    agent.endpoint = "error500";
    expect(await admin.caller.admin.checkHealth({ agentId: copycat.agentId })).toMatchObject({ ok: false });
    const again = (await admin.caller.admin.reviewQueue({ status: "IN_REVIEW" })).items.find(
      (i) => i.id === copycat.agentId,
    );
    expect(again?.lastCheck).toMatchObject({ ok: false, httpStatus: 500, error: "The endpoint answered HTTP 500." });
    await expect(copycat.caller.admin.checkHealth({ agentId: copycat.agentId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(admin.caller.admin.checkHealth({ agentId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await elsewhere.close();
  });
});

describe("card versions", () => {
  it("stores a changed card as a new version with its diff; an unchanged one is no version", async () => {
    const seller = await sellerWithListing(agent);
    const ids = { orgId: seller.org.id, agentId: seller.agentId };
    expect(await seller.caller.sell.refreshCard(ids)).toEqual({ ok: true, changed: false, version: 1 });
    const card = agent.card as ReturnType<typeof fakeCard>;
    agent.card = {
      ...card,
      version: "1.1.0",
      skills: [card.skills[0], { ...card.skills[1], name: "Build a term glossary" }],
    };
    expect(await seller.caller.sell.refreshCard(ids)).toEqual({ ok: true, changed: true, version: 2 });
    const listing = await seller.caller.sell.get(ids);
    expect(listing.versions[0]?.changes).toEqual([
      { path: "skills[id=glossary].name", kind: "changed", before: "Build a glossary", after: "Build a term glossary" },
      { path: "version", kind: "changed", before: "1.0.0", after: "1.1.0" },
    ]);
    expect(listing.skills[1]?.name).toBe("Build a term glossary");
  });

  it("sends a published listing back to review when its card moves the endpoint", async () => {
    const seller = await sellerWithListing(agent);
    await publish(seller, seller.agentId);
    agent.card = {
      ...agent.card,
      supportedInterfaces: [{ url: `${agent.origin}/rpc?v=2`, protocolBinding: "JSONRPC" }],
    };
    await seller.caller.sell.refreshCard({ orgId: seller.org.id, agentId: seller.agentId });
    expect(await db.agent.findUniqueOrThrow({ where: { id: seller.agentId } })).toMatchObject({
      status: "IN_REVIEW",
      endpointUrl: `${agent.origin}/rpc?v=2`,
    });
  });
});
