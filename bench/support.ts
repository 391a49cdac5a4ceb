import { randomBytes } from "node:crypto";
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory } from "@a2a-js/sdk/client";
import pg from "pg";
import { fetch as undiciFetch, type Dispatcher, type RequestInit as UndiciRequestInit } from "undici";
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
    serverUrl,
    name: database,
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

/**
 * The environment of a `next start` under bench: the bench database, the
 * demo agents without delays, no rate limit in the way, production mode.
 * BETTER_AUTH_SECRET is shared with the bench process, which creates the keys.
 */
export function appEnv(databaseUrl: string, appUrl: string, extra: Record<string, string> = {}) {
  process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");
  return {
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    OUTBOUND_ALLOW_HOSTS: "127.0.0.1",
    DEMO_AGENT_STEP_MS: "0",
    GATEWAY_RATE_LIMIT_PER_MINUTE: "1000000",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    JOBS_EXECUTOR_ID: "bench",
    ...extra,
  };
}

/**
 * The official A2A client for a card URL, on an undici dispatcher the bench
 * sizes (connections, timeouts), with an org API key when given.
 */
export async function benchClient(cardUrl: string, opts: { dispatcher: Dispatcher; apiKey?: string }) {
  const fetchImpl = ((input: string | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (opts.apiKey) headers.set("authorization", `Bearer ${opts.apiKey}`);
    return undiciFetch(input, {
      ...(init as UndiciRequestInit),
      headers: [...headers],
      dispatcher: opts.dispatcher,
    });
  }) as unknown as typeof fetch;
  return new ClientFactory({
    transports: [new JsonRpcTransportFactory({ fetchImpl, legacyCompat: { enabled: true } })],
    cardResolver: new DefaultAgentCardResolver({ fetchImpl }),
  }).createFromUrl(cardUrl, "");
}

export interface Invariants {
  ok: boolean;
  lines: string[];
}

/**
 * The issue's exact-settlement invariants for one buyer org, from the rows
 * themselves: every task terminal and settled once (one capture or release
 * transaction), no hold left HELD, the org's holds account back to zero, the
 * wallet down by exactly what was captured, and the ledger check clean.
 */
export async function checkSettlement(input: {
  orgId: string;
  granted: number;
  accepted: number;
}): Promise<Invariants> {
  const { db } = await import("../server/db");
  const { checkLedger } = await import("../server/services/ledger/check-ledger");
  const { walletOf } = await import("../tests/support/task-fixtures");
  const { orgId } = input;
  const states = await db.task.groupBy({ by: ["state"], where: { orgId }, _count: { _all: true } });
  const tasks = states.reduce((n, s) => n + s._count._all, 0);
  const open = states
    .filter((s) => ["SUBMITTED", "WORKING", "INPUT_REQUIRED"].includes(s.state))
    .reduce((n, s) => n + s._count._all, 0);
  const unsettled = await db.task.count({ where: { orgId, settledAt: null } });
  const holds = await db.creditHold.groupBy({
    by: ["status"],
    where: { orgId },
    _count: { _all: true },
    _sum: { amount: true },
  });
  const holdCount = (status: string) => holds.find((h) => h.status === status)?._count._all ?? 0;
  const captured = holds.find((h) => h.status === "CAPTURED")?._sum.amount ?? 0;
  const withoutHold = await db.task.count({ where: { orgId, price: { gt: 0 }, hold: null } });
  const [once] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM "Task" t WHERE t."orgId" = ${orgId} AND t.price > 0 AND (
      SELECT count(*) FROM "LedgerTransaction" l WHERE l.key IN ('capture:' || t.id, 'release:' || t.id)) <> 1`;
  const notOnce = Number(once?.count ?? 0);
  const wallet = await walletOf(orgId);
  const ledger = await checkLedger(db);
  const checks: [boolean, string][] = [
    [tasks >= input.accepted, `tasks in the database ${tasks} ≥ accepted by the client ${input.accepted}`],
    [
      open === 0,
      `every task terminal: ${open} still open (${states.map((s) => `${s.state} ${s._count._all}`).join(", ")})`,
    ],
    [unsettled === 0, `every task settled: ${unsettled} with settledAt null`],
    [
      notOnce === 0 && withoutHold === 0,
      `settled exactly once: ${notOnce} tasks without exactly one capture or release, ${withoutHold} without a hold`,
    ],
    [
      holdCount("HELD") === 0,
      `no hold left: ${holdCount("HELD")} HELD (${holdCount("CAPTURED")} captured, ${holdCount("RELEASED")} released)`,
    ],
    [(wallet.ORG_HOLDS ?? 0) === 0, `org holds account ${wallet.ORG_HOLDS ?? 0} (must be 0)`],
    [
      (wallet.ORG_WALLET ?? 0) === input.granted - captured,
      `wallet ${wallet.ORG_WALLET ?? 0} = granted ${input.granted} − captured ${captured}`,
    ],
    [
      ledger.ok,
      `ledger check: ${ledger.unbalancedTransactions.length} unbalanced transactions, ` +
        `${ledger.mismatchedAccounts.length} mismatched accounts`,
    ],
  ];
  return {
    ok: checks.every(([ok]) => ok),
    lines: checks.map(([ok, line]) => `- ${ok ? "PASS" : "FAIL"} ${line}`),
  };
}

type DbCounters = { xact_commit: number; tup_inserted: number; tup_updated: number };

/**
 * Database work of one stretch of load, from pg_stat_database of the bench
 * database (read over a connection to another database, so reading it adds
 * nothing). Backends flush their counters up to ~10 s late when idle, and the
 * durable engine polls in the background, so: settle, measure the idle rate,
 * run, settle, and subtract the idle rate and the bench's own queries.
 */
export async function measureDatabaseWork<T>(
  serverUrl: string,
  database: string,
  run: () => Promise<T & { tasks: number; benchQueries: number }>,
) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  const read = async (): Promise<DbCounters> => {
    const { rows } = await client.query(
      "SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = $1",
      [database],
    );
    const row = rows[0] as Record<keyof DbCounters, string>;
    return {
      xact_commit: Number(row.xact_commit),
      tup_inserted: Number(row.tup_inserted),
      tup_updated: Number(row.tup_updated),
    };
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const FLUSH_MS = 11_000;
  const IDLE_MS = 5_000;
  try {
    await sleep(FLUSH_MS);
    const s0 = await read();
    await sleep(IDLE_MS);
    const s1 = await read();
    const t1 = performance.now();
    const result = await run();
    await sleep(FLUSH_MS);
    const s2 = await read();
    const spanMs = performance.now() - t1;
    const perTask = (key: keyof DbCounters, own = 0) => {
      const idle = ((s1[key] - s0[key]) / IDLE_MS) * spanMs;
      return (s2[key] - s1[key] - idle - own) / result.tasks;
    };
    return {
      result,
      xactsPerTask: perTask("xact_commit", result.benchQueries),
      insertedPerTask: perTask("tup_inserted"),
      updatedPerTask: perTask("tup_updated"),
      idleXactsPerSecond: ((s1.xact_commit - s0.xact_commit) / IDLE_MS) * 1000,
    };
  } finally {
    await client.end();
  }
}
