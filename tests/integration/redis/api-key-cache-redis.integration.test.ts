import { killOwnConnection } from "../../support/redis-test-env";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { API_KEY_REVOKED_CHANNEL, apiKeyCache } from "@/server/services/api-keys/key-cache";
import { taskListener } from "@/server/services/events/task-listener";
import { ownerWithOrg } from "../../support/factories";
import { spawnLineProcess } from "../../support/line-process";

const children: ChildProcess[] = [];
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

const bearer = (key: string) => `Bearer ${key}`;

async function freshKey() {
  const owner = await ownerWithOrg("Cached on Redis");
  const created = await owner.caller.apiKeys.create({
    orgId: owner.org.id,
    name: "gateway",
    scopes: ["agents:read", "tasks:write"],
  });
  return { ...owner, created };
}

/** Postgres sessions of this worker's database that LISTEN (none when notifications go through Redis). */
async function listeningSessions(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`;
  return row?.n ?? 0;
}

describe("the API key cache with REDIS_URL", () => {
  it("a key revoked here is refused by another process within one second, through Redis", async () => {
    const { org, caller, created } = await freshKey();
    expect(taskListener.transport).toBe("redis");
    const { child, next } = spawnLineProcess("tests/support/api-key-verifier-process.ts", [created.key]);
    children.push(child);
    expect(await next()).toMatchObject({ ready: true, verifies: 1 });
    // Neither process holds a LISTEN: the revocation can only arrive by Redis.
    expect(await listeningSessions()).toBe(0);

    await caller.apiKeys.revoke({ orgId: org.id, keyId: created.id });
    const committedAt = Date.now();
    const refused = await next();
    const elapsed = Date.now() - committedAt;
    expect(refused).toMatchObject({ refused: "revoked", verifies: 2 });
    expect(elapsed).toBeLessThan(1_000);
  }, 60_000);

  it("serves nothing while its Redis subscription is down, so a revocation in the gap is never missed", async () => {
    const a = await freshKey();
    const b = await freshKey();
    for (const key of [a.created.key, b.created.key]) await authenticateApiKey(bearer(key));
    expect(taskListener.isListening(API_KEY_REVOKED_CHANNEL)).toBe(true);
    expect(apiKeyCache.size).toBeGreaterThanOrEqual(2);

    // Drop the subscriber connection the way a Redis restart or failover would.
    const disconnected = once(taskListener, "disconnected");
    expect(await killOwnConnection("subscriber")).toBe(1);
    await disconnected;
    expect(apiKeyCache.size).toBe(0);

    // Revoked while this process may not be subscribed: the database still refuses it.
    await a.caller.apiKeys.revoke({ orgId: a.org.id, keyId: a.created.id });
    expect(await authenticateApiKey(bearer(a.created.key))).toMatchObject({ ok: false, code: "revoked" });

    // node-redis reconnects and subscribes again; then the cache serves again.
    await vi.waitFor(() => expect(taskListener.isListening(API_KEY_REVOKED_CHANNEL)).toBe(true), { timeout: 10_000 });
    await authenticateApiKey(bearer(b.created.key));
    const verify = vi.spyOn(auth.api, "verifyApiKey");
    expect(await authenticateApiKey(bearer(b.created.key))).toMatchObject({ ok: true });
    expect(verify).not.toHaveBeenCalled();
    expect(await authenticateApiKey(bearer(a.created.key))).toMatchObject({ ok: false, code: "revoked" });
  });
});
