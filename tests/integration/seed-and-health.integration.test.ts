import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { DEMO_PASSWORD, DEMO_USERS } from "@/server/seed/demo-data";
import { seedDemo } from "@/server/seed/seed-demo";
import { WORKFLOW_TEMPLATES } from "@/server/services/workflows/templates";
import { resetDemoListings } from "../support/registry-factories";

describe("demo seed", () => {
  it("is idempotent and produces working sign-ins, credits and an API key", async () => {
    await resetDemoListings();
    const first = await seedDemo();
    const counts = async () => ({
      users: await db.user.count(),
      orgs: await db.organization.count(),
      members: await db.member.count(),
      tx: await db.ledgerTransaction.count(),
      keys: await db.apikey.count(),
      workflows: await db.workflow.count(),
      versions: await db.workflowVersion.count(),
    });
    const before = await counts();
    const second = await seedDemo({ existingApiKey: first.apiKey });
    expect(await counts()).toEqual(before);
    expect(second.apiKey).toBe(first.apiKey);

    const signIn = await auth.api.signInEmail({ body: { email: "owner@acme.test", password: DEMO_PASSWORD } });
    expect(signIn.user.email).toBe("owner@acme.test");
    const acme = await db.organization.findUniqueOrThrow({ where: { slug: "acme" } });
    const wallet = await db.ledgerAccount.findFirstOrThrow({ where: { orgId: acme.id, kind: "ORG_WALLET" } });
    expect(wallet.balance).toBe(25_000);
    const roles = await db.member.findMany({ where: { organizationId: acme.id }, select: { role: true } });
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "member", "owner", "viewer"]);
    // Acme's workflows: one per template, published, so the builder and the API have real ones.
    const workflows = await db.workflow.findMany({
      where: { orgId: acme.id },
      select: { templateId: true, latestVersion: true },
    });
    expect(workflows.map((w) => w.templateId).sort()).toEqual(WORKFLOW_TEMPLATES.map((t) => t.id).sort());
    expect(workflows.every((w) => w.latestVersion === 1)).toBe(true);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@bureau.test" } });
    expect(admin.isPlatformAdmin).toBe(true);
    const demoEmails = DEMO_USERS.map((u) => u.email);
    expect(await db.user.count({ where: { email: { in: demoEmails }, emailVerified: true } })).toBe(demoEmails.length);
  });

  it("replaces a demo API key that no longer verifies", async () => {
    const first = await seedDemo();
    const again = await seedDemo({ existingApiKey: "bureau_stale-key-from-an-old-database" });
    expect(again.apiKey).not.toBe("bureau_stale-key-from-an-old-database");
    expect((await auth.api.verifyApiKey({ body: { key: again.apiKey } })).valid).toBe(true);
    expect(first.apiKey).toBeTruthy();
  });
});

describe("health", () => {
  it("answers 200 with the database up", async () => {
    const response = await health(new Request("http://localhost/api/health"), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      database: { status: "up" },
      jobs: { status: "not_configured" },
    });
  });
});
