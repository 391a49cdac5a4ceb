import "server-only";
import { createHash } from "node:crypto";
import { logger } from "../../logger";
import type { ApiKeyScope } from "../../auth/api-key-scopes";
import { publishOnRedis } from "../events/redis-fanout";
import { taskListener } from "../events/task-listener";

/**
 * Revocations, the key id as payload: revoke-api-key.ts sends pg_notify on it
 * in the revoking transaction, and `invalidate` publishes it on Redis after
 * commit where REDIS_URL is set. Each process listens on the one its
 * notification listener uses (task-listener.ts).
 */
export const API_KEY_REVOKED_CHANNEL = "bureau_api_key_revoked";

/**
 * How long `invalidate` keeps retrying a Redis publish that fails: past the
 * cache TTL every entry it would drop has expired anyway.
 */
const PUBLISH_RETRY_FOR_MS = 30_000;

export const API_KEY_CACHE_LIMITS = {
  maxEntries: 10_000,
  /**
   * A backstop only (revocations arrive by NOTIFY): also how often a key in
   * steady use goes back to better-auth, which writes its "last used" time.
   */
  ttlMs: 30_000,
} as const;

/** What a verified key grants (authenticate-api-key.ts's ApiKeyPrincipal). */
export interface CachedPrincipal {
  keyId: string;
  keyName: string;
  orgId: string;
  scopes: ApiKeyScope[];
}

interface Entry {
  principal: CachedPrincipal;
  /** The key's own expiry (ms since epoch), or null for a key that never expires. */
  expiresAt: number | null;
  cachedUntil: number;
}

/**
 * The keys this process verified lately, by SHA-256 of the presented key (the
 * key itself is never held), so a gateway call with a known key reads nothing.
 *
 * Revocation reaches every process within the notification's delivery time:
 * each one listens on API_KEY_REVOKED_CHANNEL (Redis pub/sub where REDIS_URL
 * is set, else Postgres LISTEN) and drops the key's entries. While that
 * channel is not live (never connected, or reconnecting) the cache serves
 * nothing and stores nothing, and it is emptied when the connection drops, so
 * a revocation whose notification was missed is always read from the database.
 * Only successful verifications are stored; an expired key stops at its expiry.
 */
class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped on every invalidation and connection loss: a lookup that began before one must not be stored. */
  private generation = 0;
  private subscribed = false;

  /** The cached principal for `key`, or null when it must be verified against the database. */
  get(key: string, now = Date.now()): CachedPrincipal | null {
    this.subscribe();
    if (!taskListener.isListening(API_KEY_REVOKED_CHANNEL)) return null;
    const hash = hashKey(key);
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (entry.cachedUntil <= now || (entry.expiresAt !== null && entry.expiresAt <= now)) {
      this.entries.delete(hash);
      return null;
    }
    // Most recently used last: the first entry of the Map is the one to evict.
    this.entries.delete(hash);
    this.entries.set(hash, entry);
    return { ...entry.principal, scopes: [...entry.principal.scopes] }; // a caller's edit never reaches the cache
  }

  /**
   * Starts a database verification: connects the listener if it is not (so
   * the result can be stored) and returns a ticket for `set`.
   */
  async begin(): Promise<number> {
    this.subscribe();
    if (!taskListener.isListening(API_KEY_REVOKED_CHANNEL)) {
      // Bounded wait: a listener that cannot connect only costs the cache, never the request.
      await Promise.race([
        taskListener.ensure().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 1_000).unref()),
      ]);
    }
    return this.generation;
  }

  /** Stores a successful verification, unless the key was invalidated or the listener dropped since `ticket`. */
  set(key: string, principal: CachedPrincipal, expiresAt: Date | null, ticket: number, now = Date.now()): void {
    if (ticket !== this.generation || !taskListener.isListening(API_KEY_REVOKED_CHANNEL)) return;
    if (expiresAt && expiresAt.getTime() <= now) return;
    const hash = hashKey(key);
    this.entries.delete(hash);
    this.entries.set(hash, {
      principal,
      expiresAt: expiresAt?.getTime() ?? null,
      cachedUntil: now + API_KEY_CACHE_LIMITS.ttlMs,
    });
    while (this.entries.size > API_KEY_CACHE_LIMITS.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * A key was revoked (call after the revoking transaction committed): drops
   * its entries here and, where REDIS_URL is set, publishes the revocation to
   * every other process (retried for PUBLISH_RETRY_FOR_MS if Redis is down).
   */
  invalidate(keyId: string): void {
    this.drop(keyId);
    void publishRevocation(keyId);
  }

  /** Drops every entry of this key id. */
  private drop(keyId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.entries) {
      if (entry.principal.keyId === keyId) this.entries.delete(hash);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private subscribe(): void {
    if (this.subscribed) return;
    this.subscribed = true;
    taskListener.subscribe(API_KEY_REVOKED_CHANNEL, (keyId) => this.drop(keyId));
    taskListener.on("disconnected", () => {
      logger.debug("API key cache emptied: notification listener disconnected");
      this.clear();
    });
  }
}

async function publishRevocation(keyId: string): Promise<void> {
  if (taskListener.transport !== "redis") return; // the pg_notify in the revoking transaction reaches everyone
  const giveUpAt = Date.now() + PUBLISH_RETRY_FOR_MS;
  for (let delay = 250; !(await publishOnRedis(API_KEY_REVOKED_CHANNEL, [keyId])); delay = Math.min(delay * 2, 4_000)) {
    if (Date.now() + delay > giveUpAt) {
      logger.error({ keyId }, "API key revocation not published to Redis; other processes' caches expire it in 30 s");
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, delay).unref());
  }
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

const globalForCache = globalThis as unknown as { bureauApiKeyCache?: ApiKeyCache };
/** The one API key cache of this process. */
export const apiKeyCache = (globalForCache.bureauApiKeyCache ??= new ApiKeyCache());
