import { inspector, namespace } from "../../support/redis-test-env";
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it, vi } from "vitest";
import { SERVER_NODE_ARGS } from "@/scripts/lib/server-node-args";
import { db } from "@/server/db";
import { limitRequest } from "@/server/services/rate-limit/limit-request";
import { peekToken, takeToken, type RateLimitResult } from "@/server/services/rate-limit/take-token";
import { unique } from "../../support/factories";

const root = path.resolve(import.meta.dirname, "../../..");

/** Takes `count` tokens in a separate app process sharing this worker's database and Redis. */
async function takeInOtherProcess(key: string, limit: number, windowSeconds: number, count: number) {
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_ARGS,
      "tests/support/rate-limit-process.ts",
      key,
      String(limit),
      String(windowSeconds),
      String(count),
    ],
    { cwd: root, env: { ...process.env, LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "inherit"] },
  );
  for await (const line of createInterface({ input: child.stdout! })) {
    return (JSON.parse(line) as { results: RateLimitResult[] }).results;
  }
  throw new Error("the rate-limit process printed nothing");
}

const inPostgres = (key: string) => db.rateLimitBucket.findUnique({ where: { key } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limits in Redis", () => {
  it("shares one bucket between two app processes and refuses the call past the limit", async () => {
    const key = `test:shared:${unique()}`;
    const other = await takeInOtherProcess(key, 5, 60, 3);
    expect(other.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 4],
      [true, 3],
      [true, 2],
    ]);
    const here = [];
    for (let i = 0; i < 3; i++) here.push(await takeToken({ key, limit: 5, windowSeconds: 60 }));
    expect(here.map((r) => [r.allowed, r.remaining])).toEqual([
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    // 5 per minute refill one token every 12 s; the bucket holds a sliver of one.
    expect(here[2]!.retryAfterSeconds).toBeGreaterThan(10);
    expect(here[2]!.retryAfterSeconds).toBeLessThanOrEqual(12);
    expect(await inPostgres(key)).toBeNull();
    const ttl = await inspector.pTTL(`${namespace()}rl:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  }, 60_000);

  it("refills continuously and lets the key expire once the bucket is full again", async () => {
    const key = `test:refill:${unique()}`;
    const take = () => takeToken({ key, limit: 2, windowSeconds: 1 });
    expect(await take()).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(await take()).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(await take()).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
    expect(await peekToken({ key, limit: 2, windowSeconds: 1 })).toMatchObject({ allowed: false });
    await sleep(600); // two tokens a second: at least one is back
    expect(await peekToken({ key, limit: 2, windowSeconds: 1 })).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await take()).toMatchObject({ allowed: true });
    await vi.waitFor(async () => expect(await inspector.exists(`${namespace()}rl:${key}`)).toBe(0), {
      timeout: 3_000,
    });
    expect(await take()).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 }); // full again
    expect(await inPostgres(key)).toBeNull();
  });

  it("peeking spends nothing", async () => {
    const key = `test:peek:${unique()}`;
    for (let i = 0; i < 5; i++) {
      expect(await peekToken({ key, limit: 1, windowSeconds: 60 })).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }
    expect(await inspector.exists(`${namespace()}rl:${key}`)).toBe(0);
    expect(await takeToken({ key, limit: 1, windowSeconds: 60 })).toMatchObject({ allowed: true, remaining: 0 });
    expect(await peekToken({ key, limit: 1, windowSeconds: 60 })).toMatchObject({ allowed: false });
  });

  it("answers a route's caller past its limit with 429 and Retry-After", async () => {
    const scope = `test-route-${unique()}`;
    const request = () => new Request("http://localhost/api/anything");
    const first = await limitRequest(request(), { scope, limit: 1, windowSeconds: 30 });
    expect(first.limited).toBeNull();
    expect(first.headers).toEqual({ "x-ratelimit-limit": "1", "x-ratelimit-remaining": "0" });
    const second = await limitRequest(request(), { scope, limit: 1, windowSeconds: 30 });
    expect(second.limited?.status).toBe(429);
    expect(Number(second.limited?.headers.get("retry-after"))).toBeGreaterThanOrEqual(29);
    expect(await second.limited?.json()).toMatchObject({ error: { code: "rate_limited" } });
  });
});
