import { describe, expect, it, vi } from "vitest";

// The embedded default: no Stripe keys at all.
vi.hoisted(() => {
  for (const name of [
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_CONNECT_WEBHOOK_SECRET",
    "STRIPE_API_BASE_URL",
  ])
    delete process.env[name];
});

import { POST as platformWebhook } from "@/app/api/stripe/webhook/route";
import { db } from "@/server/db";
import { addMember, callerFor, createUser, ownerWithOrg } from "../support/factories";

async function platformAdmin() {
  const admin = await createUser("Platform Admin");
  await db.user.update({ where: { id: admin.id }, data: { isPlatformAdmin: true } });
  return { admin, caller: await callerFor(admin.email) };
}

describe("without Stripe keys", () => {
  it("tells buyers purchases are off, names the setting to platform admins only, and refuses checkout", async () => {
    const { org, caller } = await ownerWithOrg("No Stripe");
    const overview = await caller.credits.overview({ orgId: org.id });
    expect(overview.purchases).toEqual({
      enabled: false,
      message: "Purchases are not available on this Bureau yet.",
      setupHint: null,
    });
    expect(JSON.stringify(overview)).not.toContain("STRIPE_");
    // What a credit costs is shown even while purchases are off.
    expect(overview.packs.map((p) => [p.id, p.credits, p.priceCents])).toEqual([
      ["pack-1000", 1_000, 1_000],
      ["pack-5000", 5_000, 4_500],
      ["pack-20000", 20_000, 16_000],
    ]);
    await expect(caller.credits.createCheckout({ orgId: org.id, packId: "pack-1000" })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: "Payments are not available on this Bureau yet.",
    });
    await expect(caller.payouts.startOnboarding({ orgId: org.id })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    expect((await caller.payouts.overview({ orgId: org.id })).stripeEnabled).toBe(false);
    expect(await db.purchase.count({ where: { orgId: org.id } })).toBe(0);

    // A platform admin who is also a member of an org sees which settings turn purchases on.
    const { admin, caller: adminCaller } = await platformAdmin();
    await addMember(org.id, admin.id, "member");
    const asAdmin = await adminCaller.credits.overview({ orgId: org.id });
    expect(asAdmin.purchases).toMatchObject({
      enabled: false,
      setupHint: expect.stringContaining("STRIPE_SECRET_KEY"),
    });
  });

  it("answers webhooks 503 instead of pretending to process them", async () => {
    const response = await platformWebhook(
      new Request("http://bureau.test/api/stripe/webhook", {
        method: "POST",
        headers: { "stripe-signature": "t=1,v1=x" },
        body: "{}",
      }),
      undefined,
    );
    expect(response.status).toBe(503);
  });
});

describe("platform admin grants", () => {
  it("lets platform admins grant credits to any org once per request, audited with the admin as actor", async () => {
    const { admin, caller } = await platformAdmin();
    const { org } = await ownerWithOrg("Grantee");
    const found = await caller.platform.searchOrgs({ query: "grantee" });
    expect(found.map((o) => o.id)).toContain(org.id);

    const requestId = crypto.randomUUID();
    const grant = { orgId: org.id, amount: 750, reason: "Pilot credits", requestId };
    const results = await Promise.all([caller.platform.grantCredits(grant), caller.platform.grantCredits(grant)]);
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    const owner = await db.member.findFirstOrThrow({
      where: { organizationId: org.id },
      select: { user: { select: { email: true } } },
    });
    expect((await (await callerFor(owner.user.email)).credits.overview({ orgId: org.id })).balance.available).toBe(750);

    const audit = await db.auditLog.findMany({ where: { orgId: org.id, action: "credits.granted" } });
    expect(audit).toEqual([
      expect.objectContaining({ actorUserId: admin.id, data: { amount: 750, reason: "Pilot credits" } }),
    ]);
    const { items } = await caller.platform.grants({ limit: 50 });
    expect(items.find((g) => g.orgName === "Grantee" && g.amount === 750)).toMatchObject({
      actorName: "Platform Admin",
      reason: "Pilot credits",
    });

    await expect(
      caller.platform.grantCredits({ ...grant, requestId: crypto.randomUUID(), amount: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.platform.grantCredits({ ...grant, requestId: crypto.randomUUID(), orgId: "no-such-org" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const revenue = await caller.platform.revenue();
    expect(revenue.ledger).toEqual({ ok: true, problems: 0 });
    expect(revenue.grantedTotal).toBeGreaterThanOrEqual(750);
  });

  it("refuses everyone else, including org owners", async () => {
    const { org, caller } = await ownerWithOrg("Ambitious");
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    const grant = { orgId: org.id, amount: 1_000_000, reason: "free money", requestId: crypto.randomUUID() };
    await expect(caller.platform.grantCredits(grant)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(caller.platform.revenue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect((await callerFor(member.email)).platform.searchOrgs({ query: "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db.ledgerTransaction.count({ where: { orgId: org.id } })).toBe(0);
  });
});
