import "server-only";
import { db } from "../../db";

export interface RateLimitResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until one token is back (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * A token bucket per key, in Postgres so every app process shares it: `limit`
 * requests per `windowSeconds`, refilling continuously. One statement refills
 * and takes a token atomically; concurrent requests on a key serialise on its
 * row. Reusable by any door (public catalog API, A2A gateway): pick a key such
 * as `catalog:ip:<ip>` or `a2a:key:<apiKeyId>`.
 */
export async function takeToken(input: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<RateLimitResult> {
  const { key, limit, windowSeconds } = input;
  const rate = limit / windowSeconds; // tokens per second
  const rows = await db.$queryRaw<{ tokens: number; allowed: boolean }[]>`
    WITH prev AS (SELECT tokens, "updatedAt" FROM "RateLimitBucket" WHERE key = ${key} FOR UPDATE),
    filled AS (
      SELECT COALESCE(
        (SELECT LEAST(
          ${limit}::float8,
          tokens + EXTRACT(EPOCH FROM (clock_timestamp() - "updatedAt")) * ${rate}::float8
        ) FROM prev),
        ${limit}::float8
      ) AS tokens
    ),
    up AS (
      INSERT INTO "RateLimitBucket" (key, tokens, "updatedAt")
      SELECT ${key}, CASE WHEN f.tokens >= 1 THEN f.tokens - 1 ELSE f.tokens END, clock_timestamp() FROM filled f
      ON CONFLICT (key) DO UPDATE SET tokens = EXCLUDED.tokens, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING tokens
    )
    SELECT up.tokens::float8 AS tokens, (SELECT f.tokens >= 1 FROM filled f) AS allowed FROM up`;
  const row = rows[0];
  if (!row) throw new Error("rate limit: bucket update returned nothing");
  if (Math.random() < 0.001) void pruneIdleBuckets();
  return {
    allowed: row.allowed,
    remaining: Math.max(0, Math.floor(row.tokens)),
    retryAfterSeconds: row.allowed ? 0 : Math.max(1, Math.ceil((1 - row.tokens) / rate)),
  };
}

/** Buckets idle for a day are full again; dropping them loses nothing. */
async function pruneIdleBuckets() {
  await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "updatedAt" < now() - interval '1 day'`.catch(
    () => undefined,
  );
}

/**
 * Whether `key` has a token left, without taking one: for limits that only
 * spend on a bad outcome (a failed API key lookup) but must refuse before the
 * work once the bucket is dry. Same refill rule as takeToken.
 */
export async function peekToken(input: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<Omit<RateLimitResult, "remaining">> {
  const { key, limit, windowSeconds } = input;
  const rate = limit / windowSeconds;
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    SELECT LEAST(
      ${limit}::float8,
      tokens + EXTRACT(EPOCH FROM (clock_timestamp() - "updatedAt")) * ${rate}::float8
    )::float8
      AS tokens
    FROM "RateLimitBucket" WHERE key = ${key}`;
  const tokens = rows[0]?.tokens ?? limit;
  const allowed = tokens >= 1;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((1 - tokens) / rate)) };
}
