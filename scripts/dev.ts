/**
 * `npm run dev`: the whole product on this machine. Without DATABASE_URL it
 * runs an embedded PostgreSQL (data in .data/postgres), applies migrations,
 * seeds the demo once, prints how to sign in, then runs `next dev`.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { migrateDeploy } from "./db/schema-engine";
import { DATA_DIR } from "./lib/demo-file";
import { createDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedServer } from "./lib/postgres";
import { seedAndWriteDemoFile } from "./lib/seed-runner";

const port = Number(process.env.PORT ?? 3000);
const baseUrl = process.env.APP_URL ?? `http://localhost:${port}`;
let embedded: EmbeddedServer | null = null;

async function prepareDatabase(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  console.log(`▸ DATABASE_URL is not set: starting embedded PostgreSQL on port ${pgPort} (data in .data/postgres)`);
  embedded = await startEmbeddedPostgres({ dir: path.join(DATA_DIR, "postgres"), port: pgPort, persistent: true });
  await createDatabase(embedded.url, "bureau");
  return withDatabase(embedded.url, "bureau");
}

async function main() {
  const databaseUrl = await prepareDatabase();
  process.env.DATABASE_URL = databaseUrl;
  const { applied } = await migrateDeploy({ databaseUrl });
  console.log(applied.length ? `▸ applied ${applied.length} migration(s)` : "▸ database schema is up to date");
  const { result, file } = await seedAndWriteDemoFile(baseUrl);

  console.log(`\n  Bureau is starting at ${baseUrl}\n`);
  console.log(`  Sign in at ${baseUrl}/sign-in with any demo user (password: ${result.users[0]?.password}):`);
  for (const user of result.users) console.log(`    ${user.email.padEnd(24)} ${user.role} · ${user.org}`);
  console.log(`  Demo API key and users are in ${path.relative(process.cwd(), file)}\n`);

  const next = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "dev", "-p", String(port)], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
  });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    if (embedded) await embedded.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  next.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(1);
});
