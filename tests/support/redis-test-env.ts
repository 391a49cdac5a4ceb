import { afterAll } from "vitest";
import { createClient } from "redis";

/**
 * Import first in a Redis integration test file (before any server module,
 * which reads REDIS_URL on import). Points this worker at the test Redis from
 * BUREAU_TEST_REDIS_URL (`npm test` sets it when a Redis answers at
 * 127.0.0.1:6379, and counts tests/integration/redis/ as skipped otherwise):
 * without one the file fails rather than passing on Postgres.
 *
 * Keys and channels are namespaced by the worker's database name
 * (server/redis.ts), so parallel workers never meet; afterAll closes this
 * process's connections and deletes the namespace's keys.
 */
export const redisTestUrl = process.env.BUREAU_TEST_REDIS_URL;
if (!redisTestUrl) {
  throw new Error(
    "This test needs Redis: set BUREAU_TEST_REDIS_URL=redis://127.0.0.1:6379 (npm test does when Redis answers).",
  );
}
const previous = process.env.REDIS_URL;
process.env.REDIS_URL = redisTestUrl;

/** A plain client of the test Redis, for assertions (TTLs, killing connections). */
export const inspector = createClient({ url: redisTestUrl });
await inspector.connect();

export function namespace(): string {
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  return `bureau:${database}:`;
}

/** Kills this process's connection named `bureau-<role>-<pid>`, the way a Redis restart or failover would. */
export async function killOwnConnection(role: "commands" | "subscriber"): Promise<number> {
  const name = `bureau-${role}-${process.pid}`;
  const list = await inspector.clientList();
  let killed = 0;
  for (const client of list.filter((c) => c.name === name)) {
    killed += Number(await inspector.sendCommand(["CLIENT", "KILL", "ID", String(client.id)]));
  }
  return killed;
}

afterAll(async () => {
  const { closeRedis } = await import("@/server/redis");
  const { taskListener } = await import("@/server/services/events/task-listener");
  await taskListener.close();
  await closeRedis();
  for await (const keys of inspector.scanIterator({ MATCH: `${namespace()}*`, COUNT: 500 })) {
    if (keys.length) await inspector.del(keys);
  }
  await inspector.close();
  if (previous === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = previous;
});
