import { createServer } from "node:net";
import { afterAll } from "vitest";

/**
 * Import first in a test file (before any server module): points REDIS_URL
 * at a local port nobody listens on (bound, then closed), the way an app
 * configured with Redis sees it while Redis is down.
 */
const server = createServer();
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address() as { port: number };
await new Promise((resolve) => server.close(resolve));

const previous = process.env.REDIS_URL;
export const unreachableRedisUrl = `redis://:not-to-be-logged@127.0.0.1:${port}`;
process.env.REDIS_URL = unreachableRedisUrl;

afterAll(async () => {
  const { closeRedis } = await import("@/server/redis");
  await closeRedis();
  if (previous === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = previous;
});
