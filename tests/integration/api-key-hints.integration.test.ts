import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { ownerWithOrg } from "../support/factories";

describe("telling API keys apart", () => {
  it("lists each key's name, prefix and last four characters, which differ between keys", async () => {
    const { org, caller } = await ownerWithOrg("Keyholder");
    const ci = await caller.apiKeys.create({ orgId: org.id, name: "CI" });
    const backend = await caller.apiKeys.create({ orgId: org.id, name: "Backend" });
    const listed = await caller.apiKeys.list({ orgId: org.id });
    const byName = Object.fromEntries(listed.map((k) => [k.name, k]));
    expect(byName.CI).toMatchObject({ prefix: "bureau_", lastFour: ci.key.slice(-4) });
    expect(byName.Backend).toMatchObject({ prefix: "bureau_", lastFour: backend.key.slice(-4) });
    // better-auth's own "start" is the same for every key: it is all prefix.
    expect(byName.CI?.start).toBe(byName.Backend?.start);

    // Only the last four are kept in the clear; the key itself still works and is stored hashed.
    const stored = await db.apikey.findUniqueOrThrow({ where: { id: ci.id } });
    expect(stored.key).not.toBe(ci.key);
    expect(stored.metadata).toContain(ci.key.slice(-4));
    expect(stored.metadata).not.toContain(ci.key.slice(0, -4));
    expect(await authenticateApiKey(`Bearer ${ci.key}`)).toMatchObject({ ok: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { orgId: org.id, target: ci.id } });
    expect(audit.data).toMatchObject({ name: "CI", lastFour: ci.key.slice(-4) });
  });

  it("shows no last four for keys made before they were kept, whatever their metadata holds", async () => {
    const { org, caller } = await ownerWithOrg();
    const old = await caller.apiKeys.create({ orgId: org.id, name: "Old" });
    const legacy = await caller.apiKeys.create({ orgId: org.id, name: "Legacy" });
    const odd = await caller.apiKeys.create({ orgId: org.id, name: "Odd" });
    await db.apikey.update({ where: { id: old.id }, data: { metadata: null } });
    // better-auth once stored metadata JSON-encoded twice; and nothing here may break the list.
    await db.apikey.update({
      where: { id: legacy.id },
      data: { metadata: JSON.stringify(JSON.stringify({ createdBy: "u", lastFour: "AbC9" })) },
    });
    await db.apikey.update({ where: { id: odd.id }, data: { metadata: "{not json" } });
    const byName = Object.fromEntries((await caller.apiKeys.list({ orgId: org.id })).map((k) => [k.name, k]));
    expect(byName.Old?.lastFour).toBeNull();
    expect(byName.Legacy?.lastFour).toBe("AbC9");
    expect(byName.Odd?.lastFour).toBeNull();
  });
});
