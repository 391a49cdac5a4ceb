import { unreachableRedisUrl } from "../support/unreachable-redis-env";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { API_KEY_REVOKED_CHANNEL, apiKeyCache } from "@/server/services/api-keys/key-cache";
import { publishTaskNotifications } from "@/server/services/events/task-fanout";
import { taskListener } from "@/server/services/events/task-listener";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { takeToken } from "@/server/services/rate-limit/take-token";
import { ownerWithOrg, unique } from "../support/factories";

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * An app configured with REDIS_URL while Redis is down: rate limits fall
 * back to the Postgres bucket call by call (neither failing requests nor
 * letting everyone through), the API key cache serves nothing, and
 * publishing a notification neither throws nor hangs.
 */
describe("with REDIS_URL set but Redis unreachable", () => {
  it("takes rate-limit tokens from the Postgres bucket, 429 included, and warns once", async () => {
    const warn = vi.spyOn(logger, "warn");
    const key = `test:fallback:${unique()}`;
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await takeToken({ key, limit: 3, windowSeconds: 60 }));
    expect(results.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(15);
    const row = await db.rateLimitBucket.findUniqueOrThrow({ where: { key } });
    expect(row.tokens).toBeLessThan(1);

    const scope = `test-fallback-route-${unique()}`;
    await limitRequest(new Request("http://localhost/x"), { scope, limit: 1, windowSeconds: 30 });
    const limited = await limitRequest(new Request("http://localhost/x"), { scope, limit: 1, windowSeconds: 30 });
    expect(limited.limited?.status).toBe(429);
    expect(limited.limited?.headers.get("retry-after")).toMatch(/^\d+$/);

    const fallbackWarnings = warn.mock.calls.filter(([, message]) => String(message).startsWith("rate limit:"));
    expect(fallbackWarnings).toHaveLength(1); // throttled: one line per 30 s, not one per call
    // The Redis URL's password never reaches a log line.
    expect(JSON.stringify(warn.mock.calls)).not.toContain("not-to-be-logged");
    expect(unreachableRedisUrl).toContain("not-to-be-logged");
  });

  it("verifies every API key call against the database, since no revocation could reach this process", async () => {
    const owner = await ownerWithOrg("No Redis");
    const created = await owner.caller.apiKeys.create({ orgId: owner.org.id, name: "k", scopes: ["agents:read"] });
    const verify = vi.spyOn(auth.api, "verifyApiKey");
    for (let i = 0; i < 3; i++) {
      expect(await authenticateApiKey(`Bearer ${created.key}`)).toMatchObject({ ok: true });
    }
    expect(verify).toHaveBeenCalledTimes(3);
    expect(apiKeyCache.size).toBe(0);
    expect(taskListener.transport).toBe("redis");
    expect(taskListener.isListening(API_KEY_REVOKED_CHANNEL)).toBe(false);

    await owner.caller.apiKeys.revoke({ orgId: owner.org.id, keyId: created.id });
    expect(await authenticateApiKey(`Bearer ${created.key}`)).toMatchObject({ ok: false, code: "revoked" });
  });

  it("publishes task notifications without throwing", async () => {
    await expect(publishTaskNotifications([{ orgId: "o", taskId: "t", id: "1" }])).resolves.toBeUndefined();
  });
});
