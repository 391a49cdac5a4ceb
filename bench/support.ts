import { createDatabase, dropDatabase, withDatabase } from "../scripts/lib/postgres";
import { ensureTemplate, resolveTestServer } from "../tests/support/test-database";

/**
 * A fresh migrated database for one benchmark on the local (or embedded)
 * Postgres, with DATABASE_URL and friends set before any server module is
 * imported. Call `done()` to drop it.
 */
export async function benchDatabase(name: string, env: Record<string, string> = {}) {
  const { url: serverUrl, embedded } = await resolveTestServer();
  const template = await ensureTemplate(serverUrl);
  const database = `bureau_bench_${name}_${process.pid}`;
  await createDatabase(serverUrl, database, template);
  Object.assign(process.env, {
    DATABASE_URL: withDatabase(serverUrl, database),
    LOG_LEVEL: "silent",
    NODE_ENV: "test",
    ...env,
  });
  return {
    databaseUrl: withDatabase(serverUrl, database),
    async done() {
      await dropDatabase(serverUrl, database);
      await embedded?.stop();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(latenciesMs: number[]) {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

/** Runs `total` calls of `once` with `concurrency` in flight; returns each call's latency and the wall time. */
export async function load(total: number, concurrency: number, once: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await once(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
