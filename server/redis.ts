import "server-only";
import { createClient } from "redis";
import { env } from "./env";
import { logger } from "./logger";
import { TOKEN_BUCKET_SCRIPT } from "./services/rate-limit/redis-token-bucket";

/**
 * Redis, when REDIS_URL is set: rate limits, API key revocations and live
 * fan-out shared across app processes. Without it every caller takes its
 * Postgres path, so nothing here is required.
 *
 * Two connections per process, both opened on first use and reconnected by
 * node-redis for as long as the process lives (backoff up to 2 s):
 * - the command client, which fails a command at once while disconnected (no
 *   offline queue) or after COMMAND_TIMEOUT_MS, so a caller falls back to
 *   Postgres instead of queueing behind a dead server;
 * - the subscriber, which a subscribed connection must be in Redis, and which
 *   node-redis subscribes again to every channel on each reconnection.
 * Errors are logged (throttled), never thrown at the process.
 */
const COMMAND_TIMEOUT_MS = 1_000;
/** How long the first caller waits for the first connection before treating Redis as down. */
const FIRST_CONNECT_WAIT_MS = 1_000;
const LOG_EVERY_MS = 30_000;

const scripts = { tokenBucket: TOKEN_BUCKET_SCRIPT };

function socketOptions() {
  return {
    connectTimeout: 2_000,
    // Always retry: node-redis's default gives up for good after a connect timeout.
    reconnectStrategy: (retries: number) => Math.min(2 ** retries * 50, 2_000) + Math.floor(Math.random() * 200),
  };
}

function newCommandClient(url: string) {
  return createClient({
    url,
    name: `bureau-commands-${process.pid}`,
    scripts,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    pingInterval: 15_000,
    socket: socketOptions(),
  });
}

function newSubscriberClient(url: string) {
  // Pings keep a half-open connection (a silent network drop) from passing for a live subscription.
  return createClient({
    url,
    name: `bureau-subscriber-${process.pid}`,
    pingInterval: 5_000,
    socket: socketOptions(),
  });
}

export type RedisCommands = ReturnType<typeof newCommandClient>;
export type RedisSubscriber = ReturnType<typeof newSubscriberClient>;

/** REDIS_URL without its password, for logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}

/** Logs the first error of an outage and then at most one line per LOG_EVERY_MS, with the count in between. */
function watch(client: RedisCommands | RedisSubscriber, role: string, url: string) {
  let lastLogged = 0;
  let suppressed = 0;
  let down = false;
  client.on("error", (error: unknown) => {
    down = true;
    const now = Date.now();
    if (now - lastLogged < LOG_EVERY_MS) {
      suppressed += 1;
      return;
    }
    logger.warn({ err: error, redis: redactRedisUrl(url), role, suppressed }, "redis connection error; retrying");
    lastLogged = now;
    suppressed = 0;
  });
  client.on("ready", () => {
    if (down) logger.info({ redis: redactRedisUrl(url), role }, "redis connection back");
    down = false;
  });
}

interface Clients {
  url: string;
  commands: RedisCommands | null;
  firstAttempt: Promise<void> | null;
  subscriber: RedisSubscriber | null;
}

// Reused across Next.js hot reloads, like the Prisma client.
const globalForRedis = globalThis as unknown as { bureauRedis?: Clients };

function clients(): Clients | null {
  const url = env.REDIS_URL;
  if (!url) return null;
  return (globalForRedis.bureauRedis ??= { url, commands: null, firstAttempt: null, subscriber: null });
}

/** Whether this process was configured with Redis (REDIS_URL): the choice of path, not whether Redis is up. */
export function redisConfigured(): boolean {
  return Boolean(env.REDIS_URL);
}

/**
 * The shared command client if Redis answers right now, else null (no
 * REDIS_URL, or disconnected: the caller takes its Postgres path). The first
 * call of the process waits up to FIRST_CONNECT_WAIT_MS for the first
 * connection; later calls never wait.
 */
export async function redisCommands(): Promise<RedisCommands | null> {
  const c = clients();
  if (!c) return null;
  if (!c.commands) {
    const client = newCommandClient(c.url);
    watch(client, "commands", c.url);
    c.commands = client;
    const settled = new Promise<void>((resolve) => {
      client.once("ready", resolve).once("error", () => resolve());
      setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref();
    });
    // Resolves once connected; on a refused connection node-redis keeps retrying in the background.
    client.connect().catch(() => undefined);
    c.firstAttempt = settled;
  }
  if (!c.commands.isReady && c.firstAttempt) await c.firstAttempt;
  return c.commands.isReady ? c.commands : null;
}

/** The shared subscriber client, connecting in the background; null without REDIS_URL. */
export function redisSubscriber(): RedisSubscriber | null {
  const c = clients();
  if (!c) return null;
  if (!c.subscriber) {
    const client = newSubscriberClient(c.url);
    watch(client, "subscriber", c.url);
    c.subscriber = client;
    client.connect().catch(() => undefined);
  }
  return c.subscriber;
}

/**
 * The prefix of every Redis key and channel this app uses: "bureau:<database
 * name>:". Pub/sub channels are global to a Redis server (database numbers do
 * not separate them), so the name of the Postgres database the app writes to
 * keeps two deployments (or two test workers) sharing one Redis apart, while
 * every process of one deployment agrees on it whatever host or pooler port
 * its DATABASE_URL goes through.
 */
export function redisNamespace(): string {
  return (namespace ??= `bureau:${databaseName()}:`);
}
let namespace: string | undefined;

function databaseName(): string {
  try {
    return decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1)) || "postgres";
  } catch {
    return "postgres"; // env.ts validated the URL; keep the default if it still does not parse
  }
}

/** Closes both connections (tests, shutdown). The next use opens new ones. */
export async function closeRedis(): Promise<void> {
  const c = globalForRedis.bureauRedis;
  if (!c) return;
  delete globalForRedis.bureauRedis;
  for (const client of [c.commands, c.subscriber]) {
    if (!client) continue;
    if (client.isReady) await client.close().catch(() => client.destroy());
    else client.destroy();
  }
}
