import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { parseOrgEventData, type OrgEventType } from "@/server/schemas/org-events";
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { recordBudgetAlerts } from "@/server/services/budgets/enforce-budgets";
import { setBudget } from "@/server/services/budgets/set-budget";
import { ORG_EVENTS_CHANNEL } from "@/server/services/events/catalogue";
import { recordEvent } from "@/server/services/events/record-event";
import { taskListener } from "@/server/services/events/task-listener";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { creditPurchase, debitRefund } from "@/server/services/ledger/stripe-movements";
import { changeMemberRole } from "@/server/services/orgs/change-member-role";
import { leaveOrg } from "@/server/services/orgs/leave-org";
import { removeMember } from "@/server/services/orgs/remove-member";
import { controlListing } from "@/server/services/registry/change-status";
import { refreshListingCard } from "@/server/services/registry/refresh-card";
import { updateListing } from "@/server/services/registry/update-listing";
import { fakeCard, startFakeAgent, type FakeAgent } from "../../support/agent-card-server";
import { addMember, createUser, ownerWithOrg, signInHeaders, unique } from "../../support/factories";
import { publish, sellerWithListing } from "../../support/registry-factories";

/** The org's events, oldest first, each checked against the catalogue entry of its type. */
async function eventsOf(orgId: string) {
  const rows = await db.event.findMany({ where: { orgId }, orderBy: { id: "asc" } });
  for (const row of rows) {
    const parsed = parseOrgEventData(row.type as OrgEventType, row.data);
    expect(parsed.success, `${row.type} ${JSON.stringify(row.data)}`).toBe(true);
  }
  return rows;
}
const typesOf = async (orgId: string) => (await eventsOf(orgId)).map((e) => e.type);
const system = { kind: "system", id: null } as const;

describe("outbox atomicity", () => {
  it("a change that rolls back leaves no event; its committed twin leaves exactly one", async () => {
    const { org } = await ownerWithOrg();
    const before = await typesOf(org.id);
    const change = (fail: boolean) =>
      db.$transaction(async (tx) => {
        await tx.budget.create({ data: { orgId: org.id, scope: "org", departmentId: null, monthlyCapCredits: 500 } });
        await recordEvent(tx, {
          orgId: org.id,
          type: "budget.set",
          subject: { type: "budget", id: "org" },
          actor: system,
          data: { departmentId: null, from: null, to: 500 },
        });
        if (fail) throw new Error("the change failed after its event was written");
      });
    await expect(change(true)).rejects.toThrow("the change failed");
    expect(await typesOf(org.id)).toEqual(before);
    expect(await db.budget.count({ where: { orgId: org.id } })).toBe(0);
    await change(false);
    expect(await typesOf(org.id)).toEqual([...before, "budget.set"]);
  });

  it("data that does not match the catalogue fails the change with it", async () => {
    const { org } = await ownerWithOrg();
    const before = await typesOf(org.id);
    await expect(
      db.$transaction(async (tx) => {
        await tx.budget.create({ data: { orgId: org.id, scope: "org", departmentId: null, monthlyCapCredits: 9 } });
        await recordEvent(tx, {
          orgId: org.id,
          type: "credits.granted",
          subject: { type: "wallet", id: "w" },
          actor: system,
          data: { amount: -3, reason: "negative" },
        });
      }),
    ).rejects.toThrow(/does not match the catalogue/);
    expect(await db.budget.count({ where: { orgId: org.id } })).toBe(0);
    expect(await typesOf(org.id)).toEqual(before);
  });

  it("notifies only on commit: the first notification after a rollback is the committed event's", async () => {
    const { org } = await ownerWithOrg();
    await taskListener.ensure();
    const received: string[] = [];
    let arrived: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const stop = taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => {
      if (!payload.startsWith(`${org.id}:`)) return;
      received.push(payload);
      arrived();
    });
    // The subscription's LISTEN is issued on the shared connection; wait until it is in place.
    await expect.poll(() => taskListener.isListening(ORG_EVENTS_CHANNEL)).toBe(true);
    try {
      const grant = (orgId: string, amount: number) =>
        db.$transaction(async (tx) =>
          recordEvent(tx, {
            orgId,
            type: "credits.granted",
            subject: { type: "wallet", id: "w" },
            actor: system,
            data: { amount, reason: "test" },
          }),
        );
      await expect(
        db.$transaction(async (tx) => {
          await recordEvent(tx, {
            orgId: org.id,
            type: "credits.granted",
            subject: { type: "wallet", id: "w" },
            actor: system,
            data: { amount: 1, reason: "rolled back" },
          });
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      const committed = await grant(org.id, 2);
      await first;
      expect(received[0]).toBe(`${org.id}:${committed.id}`);
    } finally {
      stop();
    }
  });

  it("concurrent writers of one org become visible in id order", async () => {
    const { org } = await ownerWithOrg();
    const after = (await db.event.findFirst({ where: { orgId: org.id }, orderBy: { id: "desc" } }))?.id ?? 0n;
    const seen: bigint[] = [];
    let reading = true;
    // A reader polling the cursor while 20 transactions commit: it must never meet an id below one it has seen.
    const reader = (async () => {
      let cursor = after;
      while (reading || cursor === after) {
        const rows = await db.event.findMany({ where: { orgId: org.id, id: { gt: cursor } }, orderBy: { id: "asc" } });
        for (const row of rows) {
          seen.push(row.id);
          cursor = row.id;
        }
      }
      const rest = await db.event.findMany({ where: { orgId: org.id, id: { gt: cursor } }, orderBy: { id: "asc" } });
      seen.push(...rest.map((r) => r.id));
    })();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.$transaction(async (tx) => {
          await recordEvent(tx, {
            orgId: org.id,
            type: "credits.granted",
            subject: { type: "wallet", id: "w" },
            actor: system,
            data: { amount: i + 1, reason: "race" },
          });
          // Work after the insert keeps the transaction open, as a real change would, for
          // different times, so without the writer lock later ids would commit before earlier ones.
          await tx.$executeRaw`SELECT pg_sleep(${((20 - i) % 5) * 0.005})`;
        }),
      ),
    );
    reading = false;
    await reader;
    const all = (await db.event.findMany({ where: { orgId: org.id, id: { gt: after } }, orderBy: { id: "asc" } })).map(
      (r) => r.id,
    );
    expect(all).toHaveLength(20);
    expect(seen).toEqual(all);
  });
});

describe("every instrumented change commits with its event", () => {
  it("API keys: created and revoked (a second revoke records nothing)", async () => {
    const { org, user } = await ownerWithOrg();
    const key = await createApiKey({
      orgId: org.id,
      userId: user.id,
      name: "ci",
      scopes: ["events:read"],
      expiresInDays: null,
    });
    await revokeApiKey({ orgId: org.id, keyId: key.id, userId: user.id });
    await revokeApiKey({ orgId: org.id, keyId: key.id, userId: user.id });
    const events = (await eventsOf(org.id)).filter((e) => e.type.startsWith("api_key."));
    expect(events.map((e) => [e.type, e.subjectId, e.actorKind, e.actorId])).toEqual([
      ["api_key.created", key.id, "user", user.id],
      ["api_key.revoked", key.id, "user", user.id],
    ]);
    expect(events[0]?.data).toEqual({ name: "ci", scopes: ["events:read"], lastFour: key.key.slice(-4) });
  });

  it("members: invited and joined (better-auth's own writes), role changed, removed, left", async () => {
    const { org, user: owner } = await ownerWithOrg();
    const invitee = await createUser("Invitee");
    const ownerHeaders = await signInHeaders(owner.email);
    const invitation = await auth.api.createInvitation({
      headers: ownerHeaders,
      body: { organizationId: org.id, email: invitee.email, role: "member" },
    });
    const accepted = await auth.api.acceptInvitation({
      headers: await signInHeaders(invitee.email),
      body: { invitationId: invitation.id },
    });
    const memberId = accepted!.member.id;
    await changeMemberRole({ orgId: org.id, actorUserId: owner.id, memberId, role: "admin" });
    await removeMember({ orgId: org.id, actorUserId: owner.id, memberId });
    const leaver = await createUser("Leaver");
    await addMember(org.id, leaver.id, "viewer");
    await leaveOrg({ orgId: org.id, userId: leaver.id });

    const events = (await eventsOf(org.id)).map((e) => ({
      type: e.type,
      subject: `${e.subjectType}:${e.subjectId}`,
      actor: e.actorId,
      data: e.data,
    }));
    expect(events).toEqual([
      // The owner joining the new org (createOrg inserts the membership row).
      { type: "member.joined", subject: expect.stringMatching(/^member:/), actor: owner.id, data: expect.anything() },
      {
        type: "member.invited",
        subject: `invitation:${invitation.id}`,
        actor: owner.id,
        data: { email: invitee.email, role: "member" },
      },
      {
        type: "member.joined",
        subject: `member:${memberId}`,
        actor: invitee.id,
        data: { userId: invitee.id, role: "member" },
      },
      {
        type: "member.role_changed",
        subject: `member:${memberId}`,
        actor: owner.id,
        data: { userId: invitee.id, from: "member", to: "admin" },
      },
      {
        type: "member.removed",
        subject: `member:${memberId}`,
        actor: owner.id,
        data: { userId: invitee.id, role: "admin" },
      },
      {
        type: "member.joined",
        subject: expect.any(String),
        actor: leaver.id,
        data: { userId: leaver.id, role: "viewer" },
      },
      {
        type: "member.left",
        subject: expect.any(String),
        actor: leaver.id,
        data: { userId: leaver.id, role: "viewer" },
      },
    ]);
  });

  it("budgets: set, changed, removed, and a threshold crossing recorded once", async () => {
    const { org, user } = await ownerWithOrg();
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 1000 });
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 1000 }); // no change
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 2000 });
    const budget = await db.budget.findFirstOrThrow({ where: { orgId: org.id } });
    const alert = { budgetId: budget.id, orgId: org.id, departmentId: null, capCredits: 2000, spentCredits: 1700 };
    const now = new Date();
    await db.$transaction((tx) => recordBudgetAlerts(tx, [alert], now));
    await db.$transaction((tx) => recordBudgetAlerts(tx, [alert], now)); // already alerted this month
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: null });

    const events = (await eventsOf(org.id)).filter((e) => e.type.startsWith("budget."));
    expect(events.map((e) => [e.type, e.subjectId, e.data])).toEqual([
      ["budget.set", "org", { departmentId: null, from: null, to: 1000 }],
      ["budget.set", "org", { departmentId: null, from: 1000, to: 2000 }],
      [
        "budget.threshold_crossed",
        "org",
        {
          departmentId: null,
          month: now.toISOString().slice(0, 7),
          capCredits: 2000,
          spentCredits: 1700,
          thresholdPercent: 80,
        },
      ],
      ["budget.set", "org", { departmentId: null, from: 2000, to: null }],
    ]);
  });

  it("credits: a grant (replayed key: one event), a Stripe purchase and refund", async () => {
    const { org, user } = await ownerWithOrg();
    const key = `test:${unique()}`;
    await grantCredits({ orgId: org.id, amount: 300, key, reason: "welcome", actorUserId: user.id });
    await grantCredits({ orgId: org.id, amount: 300, key, reason: "welcome", actorUserId: user.id });
    await grantCredits({ orgId: org.id, amount: 5, key: `test:${unique()}`, reason: "seed", actorUserId: null });
    const session = `cs_test_${unique()}`;
    await db.$transaction((tx) => creditPurchase(tx, { orgId: org.id, key: `purchase:${session}`, credits: 1000 }));
    await db.$transaction((tx) => creditPurchase(tx, { orgId: org.id, key: `purchase:${session}`, credits: 1000 }));
    await db.$transaction((tx) => debitRefund(tx, { orgId: org.id, key: `refund:${session}:400`, credits: 400 }));
    const wallet = await db.ledgerAccount.findFirstOrThrow({ where: { orgId: org.id, kind: "ORG_WALLET" } });

    const events = (await eventsOf(org.id)).filter((e) => e.type.startsWith("credits."));
    expect(events.map((e) => [e.type, e.subjectType, e.subjectId, e.actorKind, e.actorId, e.data])).toEqual([
      ["credits.granted", "wallet", wallet.id, "user", user.id, { amount: 300, reason: "welcome" }],
      ["credits.granted", "wallet", wallet.id, "system", null, { amount: 5, reason: "seed" }],
      [
        "credits.purchased",
        "wallet",
        wallet.id,
        "system",
        "stripe",
        { credits: 1000, reference: `purchase:${session}` },
      ],
      [
        "credits.refunded",
        "wallet",
        wallet.id,
        "system",
        "stripe",
        { credits: 400, reference: `refund:${session}:400` },
      ],
    ]);
  });

  describe("listings", () => {
    let agent: FakeAgent;
    beforeEach(async () => {
      agent = await startFakeAgent();
    });
    afterEach(() => agent.close());

    it("submitted, published, paused, resumed, updated (terms, card), unpublished: in the seller's log", async () => {
      const seller = await sellerWithListing(agent, { pricePerTask: 25 });
      const ids = { orgId: seller.org.id, agentId: seller.agentId, userId: seller.user.id };
      await publish(seller, seller.agentId);
      await controlListing({ ...ids, control: "pause" });
      await controlListing({ ...ids, control: "resume" });
      await updateListing({ ...ids, terms: { pricePerTask: 30 } });
      agent.card = fakeCard(agent.endpointUrl, { description: "Now also translates into French." });
      await refreshListingCard(ids);
      await controlListing({ ...ids, control: "unpublish" });

      const events = (await eventsOf(seller.org.id)).filter((e) => e.type.startsWith("listing."));
      expect(events.every((e) => e.subjectType === "listing" && e.subjectId === seller.agentId)).toBe(true);
      expect(events.map((e) => [e.type, e.actorKind, e.actorId])).toEqual([
        ["listing.submitted", "user", seller.user.id],
        // The platform's review: no reviewer's name in the seller's log.
        ["listing.published", "system", null],
        ["listing.paused", "user", seller.user.id],
        ["listing.resumed", "user", seller.user.id],
        ["listing.updated", "user", seller.user.id],
        ["listing.updated", "user", seller.user.id],
        ["listing.unpublished", "user", seller.user.id],
      ]);
      expect(events[1]?.data).toEqual({ slug: seller.slug, reason: null });
      expect(events[4]?.data).toEqual({ change: "terms", pricePerTask: 30 });
      expect(events[5]?.data).toEqual({ change: "card", version: 2 });
    });
  });
});
