import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";

async function bucketKeys(pattern: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string }>(
      `SELECT key FROM "RateLimitBucket" WHERE key LIKE $1 ORDER BY key`,
      [pattern],
    );
    return rows.map((r) => r.key);
  } finally {
    await client.end();
  }
}

/*
 * Against the real `next start`: Next passes a client's X-Forwarded-For
 * through untouched (it only fills it in when absent), so the app takes the
 * client IP from the socket (server/net/client-address.ts). Here every
 * request claims another address and they must all share one bucket, the
 * socket's. GET /api/v1/agents allows 60 a minute per client IP; no other
 * spec calls it, so draining 127.0.0.1's bucket here costs nothing later.
 */
test("forged X-Forwarded-For and X-Real-IP values share the caller's one rate-limit bucket", async ({ request }) => {
  const started = Date.now();
  let allowed = 0;
  let status = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 150; i++) {
    const response = await request.get("/api/v1/agents?limit=1", {
      headers: { "x-forwarded-for": `198.51.100.${i % 250}, 203.0.113.${i % 250}`, "x-real-ip": `192.0.2.${i % 250}` },
    });
    status = response.status();
    retryAfter = response.headers()["retry-after"];
    if (status !== 200) break;
    allowed++;
  }
  expect(status).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  // 60 plus at most one refilled token per second the loop took.
  expect(allowed).toBeLessThanOrEqual(61 + Math.ceil((Date.now() - started) / 1000));

  // The one bucket is the socket's address, and no forged value got one.
  expect(await bucketKeys("catalog:ip:%")).toEqual(["catalog:ip:127.0.0.1"]);
});

/*
 * The same build started again with TRUSTED_PROXIES=127.0.0.1/32, as if a
 * proxy on this machine fronted it: now the hop that proxy appended (the
 * right-most one) is the client, and a forged hop left of it changes nothing.
 */
test("behind a trusted proxy, the hop it appended is the client", async () => {
  const port = Number(new URL(process.env.APP_URL ?? "http://127.0.0.1:3100").port) + 1;
  const server = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    { env: { ...process.env, TRUSTED_PROXIES: "127.0.0.1/32", PORT: String(port) }, stdio: "ignore" },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    const marker = Math.floor(Math.random() * 200) + 20;
    for (const forwardedFor of [`198.18.0.${marker}`, `6.6.6.6, 198.18.1.${marker}`]) {
      const response = await fetch(`${base}/api/v1/agents?limit=1`, { headers: { "x-forwarded-for": forwardedFor } });
      expect(response.status).toBe(200);
    }
    expect(await bucketKeys(`catalog:ip:198.18.%.${marker}`)).toEqual([
      `catalog:ip:198.18.0.${marker}`,
      `catalog:ip:198.18.1.${marker}`,
    ]);
    expect(await bucketKeys("catalog:ip:6.6.6.6")).toEqual([]);
  } finally {
    server.kill("SIGTERM");
  }
});
