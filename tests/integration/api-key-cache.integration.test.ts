import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { appUrl } from "@/server/env";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { API_KEY_REVOKED_CHANNEL, apiKeyCache } from "@/server/services/api-keys/key-cache";
import { taskListener } from "@/server/services/events/task-listener";
import { ownerWithOrg } from "../support/factories";
import { spawnLineProcess } from "../support/line-process";

const children: ChildProcess[] = [];

afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

const bearer = (key: string) => `Bearer ${key}`;

async function freshKey(options: { expiresInDays?: number } = {}) {
  const owner = await ownerWithOrg("Cached");
  const created = await owner.caller.apiKeys.create({
    orgId: owner.org.id,
    name: "gateway",
    scopes: ["agents:read", "tasks:write"],
    ...options,
  });
  return { ...owner, created };
}

describe("the per-process API key cache", () => {
  it("answers a second verification without better-auth or the key table, with the same principal", async () => {
    const { org, created } = await freshKey();
    const first = await authenticateApiKey(bearer(created.key));
    expect(first).toEqual({
      ok: true,
      principal: { keyId: created.id, keyName: "gateway", orgId: org.id, scopes: ["agents:read", "tasks:write"] },
    });
    const rowBefore = await db.apikey.findUniqueOrThrow({ where: { id: created.id } });
    expect(rowBefore.lastRequest).toBeInstanceOf(Date); // the first (database) verification recorded its use

    const verify = vi.spyOn(auth.api, "verifyApiKey");
    const organizationRead = vi.spyOn(db.organization, "findUnique");
    const second = await authenticateApiKey(bearer(created.key), { clientIp: "203.0.113.7" });
    expect(second).toEqual(first);
    expect(verify).not.toHaveBeenCalled();
    expect(organizationRead).not.toHaveBeenCalled();
    const rowAfter = await db.apikey.findUniqueOrThrow({ where: { id: created.id } });
    expect(rowAfter.lastRequest).toEqual(rowBefore.lastRequest);
    expect(rowAfter.updatedAt).toEqual(rowBefore.updatedAt);
  });

  it("never caches a failed verification, and each failure still spends the IP's bucket", async () => {
    const { org, caller, created } = await freshKey();
    await caller.apiKeys.revoke({ orgId: org.id, keyId: created.id });
    const ip = "203.0.113.41";
    const bucket = () =>
      db.rateLimitBucket.findUnique({ where: { key: `api-key-failures:ip:${ip}` }, select: { tokens: true } });
    const verify = vi.spyOn(auth.api, "verifyApiKey");
    const unknown = bearer("bureau_neverIssuedNeverCachedKey0123456789");
    for (const header of [unknown, unknown, bearer(created.key), bearer(created.key)]) {
      const result = await authenticateApiKey(header, { clientIp: ip });
      expect(result.ok).toBe(false);
    }
    expect(verify).toHaveBeenCalledTimes(4);
    const tokens = (await bucket())?.tokens;
    // A burst of 20 less 4 failures (plus at most a token refilled meanwhile).
    expect(tokens).toBeGreaterThanOrEqual(16);
    expect(tokens).toBeLessThan(17.5);
  });

  it("refuses a cached key once its expiry passes", async () => {
    const { created } = await freshKey({ expiresInDays: 1 });
    const expiresAt = new Date(Date.now() + 1_200);
    await db.apikey.update({ where: { id: created.id }, data: { expiresAt } });
    expect(await authenticateApiKey(bearer(created.key))).toMatchObject({ ok: true });
    const verify = vi.spyOn(auth.api, "verifyApiKey");
    expect(await authenticateApiKey(bearer(created.key))).toMatchObject({ ok: true });
    expect(verify).not.toHaveBeenCalled(); // served from the cache until then

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now()) + 50));
    expect(await authenticateApiKey(bearer(created.key))).toMatchObject({ ok: false, code: "expired" });
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it("serves nothing while its listener is down, so a revocation in the gap is never missed", async () => {
    const a = await freshKey();
    const b = await freshKey();
    for (const key of [a.created.key, b.created.key]) await authenticateApiKey(bearer(key));
    expect(taskListener.isListening(API_KEY_REVOKED_CHANNEL)).toBe(true);
    expect(apiKeyCache.size).toBeGreaterThanOrEqual(2);

    // Drop the LISTEN connection the way a database restart or failover would.
    const disconnected = once(taskListener, "disconnected");
    const [row] = await db.$queryRaw<{ terminated: number }[]>`
      SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`;
    expect(row?.terminated).toBeGreaterThanOrEqual(1);
    await disconnected;
    expect(apiKeyCache.size).toBe(0);

    // Revoked while nobody listens: the notification is lost, the database is not.
    await a.caller.apiKeys.revoke({ orgId: a.org.id, keyId: a.created.id });
    expect(await authenticateApiKey(bearer(a.created.key))).toMatchObject({ ok: false, code: "revoked" });
    const verify = vi.spyOn(auth.api, "verifyApiKey");
    expect(await authenticateApiKey(bearer(b.created.key))).toMatchObject({ ok: true });
    expect(verify).toHaveBeenCalledTimes(1);

    // Once it is back, what was cached before the gap is gone, and the cache serves again.
    await vi.waitFor(() => expect(taskListener.isListening(API_KEY_REVOKED_CHANNEL)).toBe(true), { timeout: 10_000 });
    expect(await authenticateApiKey(bearer(a.created.key))).toMatchObject({ ok: false, code: "revoked" });
    await authenticateApiKey(bearer(b.created.key));
    verify.mockClear();
    expect(await authenticateApiKey(bearer(b.created.key))).toMatchObject({ ok: true });
    expect(verify).not.toHaveBeenCalled();
  });

  it("a key revoked here is refused by another process within one second", async () => {
    const { org, caller, created } = await freshKey();
    const { child, next } = spawnLineProcess("tests/support/api-key-verifier-process.ts", [created.key]);
    children.push(child);
    // The other process verified the key once and now answers it from its cache.
    expect(await next()).toMatchObject({ ready: true, verifies: 1 });

    await caller.apiKeys.revoke({ orgId: org.id, keyId: created.id });
    const committedAt = Date.now();
    const refused = await next();
    const elapsed = Date.now() - committedAt;
    expect(refused).toMatchObject({ refused: "revoked", verifies: 2 });
    expect(elapsed).toBeLessThan(1_000);
  }, 60_000);

  it("leaves no way to disable or delete a key that skips the notification", async () => {
    for (const endpoint of ["update", "delete"]) {
      const response = await auth.handler(
        new Request(new URL(`/api/auth/api-key/${endpoint}`, appUrl()), {
          method: "POST",
          headers: { "content-type": "application/json", origin: new URL(appUrl()).origin },
          body: JSON.stringify({ keyId: "any", enabled: false }),
        }),
      );
      expect(response.status).toBe(404);
    }
  });
});
