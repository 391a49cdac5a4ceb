import "server-only";
import { peekInPostgres, takeFromPostgres, type BucketInput, type BucketState } from "./postgres-bucket";
import { bucketInRedis } from "./redis-bucket";

export interface RateLimitResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until one token is back (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * A token bucket per key shared by every app process: `limit` requests per
 * `windowSeconds`, refilling continuously. Where REDIS_URL is set it lives in
 * Redis (one atomic script, redis-token-bucket.ts); otherwise, and for any
 * call made while Redis is unreachable, in Postgres (postgres-bucket.ts). The
 * two keep separate state: a Redis outage starts its keys from the Postgres
 * bucket's state, which is full unless an earlier outage spent it. Reusable by
 * any door (public catalog API, A2A gateway): pick a key such as
 * `catalog:ip:<ip>` or `a2a:key:<apiKeyId>`.
 */
export async function takeToken(input: BucketInput): Promise<RateLimitResult> {
  const state = (await bucketInRedis(input, true)) ?? (await takeFromPostgres(input));
  return {
    allowed: state.allowed,
    remaining: Math.max(0, Math.floor(state.tokens)),
    retryAfterSeconds: retryAfter(input, state),
  };
}

/**
 * Whether `key` has a token left, without taking one: for limits that only
 * spend on a bad outcome (a failed API key lookup) but must refuse before the
 * work once the bucket is dry. Same refill rule and backend as takeToken.
 */
export async function peekToken(input: BucketInput): Promise<Omit<RateLimitResult, "remaining">> {
  const state = (await bucketInRedis(input, false)) ?? (await peekInPostgres(input));
  return { allowed: state.allowed, retryAfterSeconds: retryAfter(input, state) };
}

function retryAfter(input: BucketInput, state: BucketState): number {
  const rate = input.limit / input.windowSeconds;
  return state.allowed ? 0 : Math.max(1, Math.ceil((1 - state.tokens) / rate));
}
