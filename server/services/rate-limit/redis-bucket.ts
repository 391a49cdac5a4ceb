import "server-only";
import { logger } from "../../logger";
import { redisCommands, redisConfigured, redisNamespace } from "../../redis";
import type { BucketInput, BucketState } from "./postgres-bucket";

const WARN_EVERY_MS = 30_000;
let lastWarned = 0;
let fallbacksSinceWarning = 0;

/** One warning per WARN_EVERY_MS while calls fall back, with how many did. */
function warnFallback(error: unknown) {
  fallbacksSinceWarning += 1;
  const now = Date.now();
  if (now - lastWarned < WARN_EVERY_MS) return;
  logger.warn(
    { err: error, fallbacks: fallbacksSinceWarning },
    "rate limit: Redis unreachable, using the Postgres bucket for now",
  );
  lastWarned = now;
  fallbacksSinceWarning = 0;
}

/** The Redis key of a bucket. */
export function redisBucketKey(key: string): string {
  return `${redisNamespace()}rl:${key}`;
}

/**
 * The bucket in Redis (redis-token-bucket.ts), or null when this call must
 * use Postgres: no REDIS_URL, or Redis unreachable or failing right now (a
 * throttled warning is logged). Never throws for Redis' sake.
 */
export async function bucketInRedis(input: BucketInput, take: boolean): Promise<BucketState | null> {
  if (!redisConfigured()) return null;
  const client = await redisCommands();
  if (!client) {
    warnFallback(new Error("not connected"));
    return null;
  }
  try {
    return await client.tokenBucket(redisBucketKey(input.key), input.limit, input.limit / input.windowSeconds, take);
  } catch (error) {
    warnFallback(error);
    return null;
  }
}
