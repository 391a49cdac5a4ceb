/**
 * `npm test`: unit, integration (real Postgres) and end-to-end (Chromium).
 * Uses DATABASE_URL's server when set (must be local), else an embedded
 * PostgreSQL. The Redis tests (tests/integration/redis/) run against
 * BUREAU_TEST_REDIS_URL, else a Redis answering PING at 127.0.0.1:6379; with
 * neither they are counted as skipped, with a line saying why. Prints one
 * closing line: "N passed, N failed, N skipped".
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import os from "node:os";
import path from "node:path";
import { ensureTemplate, resolveTestServer, templateName } from "../tests/support/test-database";
import { createDatabase, dropDatabase, withDatabase } from "./lib/postgres";
import { SERVER_NODE_ARGS } from "./lib/server-node-args";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env }, cwd: root });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function vitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

function readCounts(read: (file: string) => Counts, file: string, exitCode: number): Counts {
  let counts: Counts;
  try {
    counts = read(file);
  } catch {
    // No report means the runner itself failed before testing anything.
    counts = { passed: 0, failed: 0, skipped: 0 };
  }
  // A runner that exited non-zero without a failing test failed around them
  // (its web server's port taken, a setup error): that is a failure too, or
  // the suite would pass without having run.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const REDIS_TESTS = "tests/integration/redis";
const LOCAL_REDIS = "redis://127.0.0.1:6379";

/** True when something at host:port answers a RESP PING with +PONG within a second. */
function answersPing(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("close", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (chunk) => done(chunk.toString().startsWith("+PONG")));
  });
}

/** Test cases in the Redis test files, counted from their source (they are not run, so not collected). */
function countRedisTests(): number {
  return readdirSync(path.join(root, REDIS_TESTS))
    .filter((name) => name.endsWith(".test.ts"))
    .reduce((sum, name) => {
      const source = readFileSync(path.join(root, REDIS_TESTS, name), "utf8");
      return sum + (source.match(/^\s*(?:it|test)\(/gm)?.length ?? 0);
    }, 0);
}

async function main() {
  const reports = path.join(os.tmpdir(), `bureau-test-${process.pid}`);
  const { url: serverUrl, embedded } = await resolveTestServer();
  const redisUrl = process.env.BUREAU_TEST_REDIS_URL ?? ((await answersPing(LOCAL_REDIS)) ? LOCAL_REDIS : undefined);
  const env = {
    BUREAU_TEST_PG_URL: serverUrl,
    NODE_ENV: "test",
    ...(redisUrl ? { BUREAU_TEST_REDIS_URL: redisUrl } : {}),
  } as const;
  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  let redisNote: string | null = null;
  const add = (c: Counts) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  };
  try {
    await ensureTemplate(serverUrl);
    // BUREAU_SKIP_VITEST / BUREAU_SKIP_E2E shorten local iterations; CI runs both.
    if (process.env.BUREAU_SKIP_VITEST !== "1") {
      const vitestReport = path.join(reports, "vitest.json");
      const withoutRedis = redisUrl ? [] : ["--exclude", `${REDIS_TESTS}/**`];
      const vitestCode = await run(
        bin("vitest"),
        ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`, ...withoutRedis],
        env,
      );
      add(readCounts(vitestCounts, vitestReport, vitestCode));
      if (!redisUrl) {
        const skipped = countRedisTests();
        totals.skipped += skipped;
        redisNote =
          `bureau: ${skipped} Redis tests (${REDIS_TESTS}/) skipped: no Redis answered PING at ${LOCAL_REDIS} ` +
          "and BUREAU_TEST_REDIS_URL is unset";
      }
    }

    if (process.env.BUREAU_SKIP_E2E !== "1") add(await runE2e(serverUrl, path.join(reports, "playwright.json")));
  } finally {
    await embedded?.stop();
    rmSync(reports, { recursive: true, force: true });
  }
  if (redisNote) console.log(`\n${redisNote}`);
  console.log(`\nbureau: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

/** Builds the app against a fresh seeded database and drives it in Chromium. */
async function runE2e(serverUrl: string, report: string): Promise<Counts> {
  const name = `bureau_e2e_${process.pid}`;
  const databaseUrl = withDatabase(serverUrl, name);
  await createDatabase(serverUrl, name, templateName());
  const port = process.env.E2E_PORT ?? "3100";
  const env = {
    DATABASE_URL: databaseUrl,
    APP_URL: `http://127.0.0.1:${port}`,
    E2E_PORT: port,
    NODE_ENV: "production" as const,
    BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
    BUREAU_DEMO_FILE: path.join(path.dirname(report), "demo.json"),
  };
  try {
    const seedCode = await run(process.execPath, [...SERVER_NODE_ARGS, "scripts/db/cli.ts", "seed"], {
      ...env,
      NODE_ENV: "test",
      BUREAU_DEMO_BASE_URL: env.APP_URL,
    });
    if (seedCode !== 0) return { passed: 0, failed: 1, skipped: 0 };
    const buildCode = await run(bin("next"), ["build"], { ...env, NEXT_TELEMETRY_DISABLED: "1" });
    if (buildCode !== 0) return { passed: 0, failed: 1, skipped: 0 };
    const code = await run(bin("playwright"), ["test"], {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      CI: process.env.CI ?? "",
    });
    return readCounts(playwrightCounts, report, code);
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("\nbureau: 0 passed, 1 failed");
  process.exit(1);
});
