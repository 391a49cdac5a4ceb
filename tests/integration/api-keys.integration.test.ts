import { describe, expect, it } from "vitest";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { db } from "@/server/db";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { ownerWithOrg } from "../support/factories";

const call = (authorization?: string) =>
  whoami(new Request("http://localhost/api/v1/whoami", { headers: authorization ? { authorization } : {} }), undefined);

describe("org API keys", () => {
  it("creates a key shown once, stored hashed, and identifies the org", async () => {
    const { org, caller } = await ownerWithOrg("Keyholder");
    const created = await caller.apiKeys.create({ orgId: org.id, name: "CI", scopes: ["agents:read", "tasks:read"] });
    const stored = await db.apikey.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.key).not.toBe(created.key);
    expect(stored.referenceId).toBe(org.id);

    const response = await call(`Bearer ${created.key}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      org: { id: org.id, name: "Keyholder", slug: org.slug },
      key: { id: created.id, name: "CI", scopes: ["agents:read", "tasks:read"] },
    });
    const [listed] = await caller.apiKeys.list({ orgId: org.id });
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
    expect(listed?.status).toBe("active");
  });

  it.each([
    ["missing", undefined, "api_key_missing"],
    ["malformed", "Token abc", "api_key_malformed"],
    ["unknown", "Bearer bureau_thisKeyDoesNotExistAnywhere123456", "api_key_invalid"],
  ])("answers a %s key with 401 and a JSON error", async (_label, header, code) => {
    const response = await call(header);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it("stops accepting a revoked key, and keeps it listed as revoked", async () => {
    const { org, caller } = await ownerWithOrg();
    const created = await caller.apiKeys.create({ orgId: org.id, name: "temp" });
    expect((await call(`Bearer ${created.key}`)).status).toBe(200);
    await caller.apiKeys.revoke({ orgId: org.id, keyId: created.id });
    const response = await call(`Bearer ${created.key}`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "api_key_revoked" } });
    const [listed] = await caller.apiKeys.list({ orgId: org.id });
    expect(listed?.status).toBe("revoked");
  });

  it("stops accepting an expired key", async () => {
    const { org, caller } = await ownerWithOrg();
    const created = await caller.apiKeys.create({ orgId: org.id, name: "short-lived", expiresInDays: 1 });
    await db.apikey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const result = await authenticateApiKey(`Bearer ${created.key}`);
    expect(result).toMatchObject({ ok: false, code: "expired" });
    expect((await call(`Bearer ${created.key}`)).status).toBe(401);
  });

  it("cannot revoke another org's key", async () => {
    const a = await ownerWithOrg();
    const b = await ownerWithOrg();
    const key = await a.caller.apiKeys.create({ orgId: a.org.id, name: "a's key" });
    await expect(b.caller.apiKeys.revoke({ orgId: b.org.id, keyId: key.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await call(`Bearer ${key.key}`)).status).toBe(200);
  });

  it("rejects bad input with field messages and writes nothing", async () => {
    const { org, caller } = await ownerWithOrg();
    await expect(caller.apiKeys.create({ orgId: org.id, name: "  " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.apiKeys.create({ orgId: org.id, name: "x", scopes: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await db.apikey.count({ where: { referenceId: org.id } })).toBe(0);
  });
});
