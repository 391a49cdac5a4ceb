export {};

/**
 * A second app process for the shared rate-limit test: takes `count` tokens
 * from the bucket `key` (limit per windowSeconds) and prints the results as
 * one JSON line, then exits.
 */
const [key, limit, windowSeconds, count] = process.argv.slice(2);
const { takeToken } = await import("../../server/services/rate-limit/take-token");
const { closeRedis } = await import("../../server/redis");
const results = [];
for (let i = 0; i < Number(count); i++) {
  results.push(await takeToken({ key: key!, limit: Number(limit), windowSeconds: Number(windowSeconds) }));
}
process.stdout.write(`${JSON.stringify({ results })}\n`);
await closeRedis();
process.exit(0);
