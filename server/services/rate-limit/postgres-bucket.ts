import "server-only";
import { db } from "../../db";
import { queryRows } from "../tasks/sql-pool";

export interface BucketInput {
  key: string;
  limit: number;
  windowSeconds: number;
}

/** Tokens in the bucket after the call, and whether the call found one. */
export interface BucketState {
  allowed: boolean;
  tokens: number;
}

const TAKE_SQL = `
  WITH async AS (SELECT set_config('synchronous_commit', 'off', true)),
  prev AS (SELECT tokens, "updatedAt" FROM "RateLimitBucket" WHERE key = $1::text FOR UPDATE),
  filled AS (
    SELECT COALESCE(
      (SELECT LEAST(
        $2::float8,
        tokens + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() - "updatedAt"))) * $3::float8
      ) FROM prev),
      $2::float8
    ) AS tokens
  ),
  up AS (
    INSERT INTO "RateLimitBucket" (key, tokens, "updatedAt")
    SELECT $1::text, CASE WHEN f.tokens >= 1 THEN f.tokens - 1 ELSE f.tokens END, clock_timestamp() FROM filled f
    ON CONFLICT (key) DO UPDATE SET tokens = EXCLUDED.tokens, "updatedAt" = EXCLUDED."updatedAt"
    RETURNING tokens
  )
  SELECT up.tokens::float8 AS tokens, (SELECT f.tokens >= 1 FROM filled f) AS allowed FROM up, async`;

/**
 * The bucket in Postgres (table RateLimitBucket): one statement refills and
 * takes a token atomically; concurrent requests on a key serialise on its row.
 *
 * The elapsed time is never negative: "updatedAt" keeps milliseconds, rounded,
 * so a call within half a millisecond of the last could otherwise see it in
 * its future and refill a negative amount.
 *
 * The statement commits asynchronously (synchronous_commit off for its own
 * transaction, set by the `async` CTE): the row lock is then released
 * without waiting for the WAL flush, so a key's calls no longer queue one
 * disk flush each. What a database crash can lose is the last fraction of a
 * second of token spending, i.e. a few extra calls allowed; never data
 * anyone else depends on.
 */
export async function takeFromPostgres({ key, limit, windowSeconds }: BucketInput): Promise<BucketState> {
  const rate = limit / windowSeconds; // tokens per second
  // Every gateway call takes a token: node-postgres straight (the hot pool), not Prisma's raw-query path.
  const rows = await queryRows<{ tokens: number; allowed: boolean }>({ text: TAKE_SQL, values: [key, limit, rate] });
  const row = rows[0];
  if (!row) throw new Error("rate limit: bucket update returned nothing");
  if (Math.random() < 0.001) void pruneIdleBuckets();
  return { allowed: row.allowed, tokens: row.tokens };
}

/** The bucket's tokens now (refilled), without taking one. */
export async function peekInPostgres({ key, limit, windowSeconds }: BucketInput): Promise<BucketState> {
  const rate = limit / windowSeconds;
  const rows = await db.$queryRaw<{ tokens: number }[]>`
    SELECT LEAST(
      ${limit}::float8,
      tokens + GREATEST(0, EXTRACT(EPOCH FROM (clock_timestamp() - "updatedAt"))) * ${rate}::float8
    )::float8
      AS tokens
    FROM "RateLimitBucket" WHERE key = ${key}`;
  const tokens = rows[0]?.tokens ?? limit;
  return { allowed: tokens >= 1, tokens };
}

/** Buckets idle for a day are full again; dropping them loses nothing. */
async function pruneIdleBuckets() {
  await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE "updatedAt" < now() - interval '1 day'`.catch(
    () => undefined,
  );
}
