import { createDatabase, withDatabase } from "../../scripts/lib/postgres";

// Each worker gets its own database cloned from the migrated template before
// any server module is imported (server/env.ts reads DATABASE_URL on import).
const serverUrl = process.env.BUREAU_TEST_PG_URL;
const template = process.env.BUREAU_TEST_TEMPLATE;
if (!serverUrl || !template)
  throw new Error("Integration tests need the global setup (run them with vitest --project integration).");
const name = `bureau_it_${process.ppid}_${process.env.VITEST_POOL_ID ?? "0"}`;
// Two workers cloning one template at the same instant can collide (55006).
for (let attempt = 0; ; attempt++) {
  try {
    await createDatabase(serverUrl, name, template);
    break;
  } catch (error) {
    if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
    await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
  }
}
process.env.DATABASE_URL = withDatabase(serverUrl, name);
// A fixed per-worker port for tests that serve the app's routes over real
// HTTP (gateway, demo agents): cards and links are built from APP_URL.
// Runs left unfinished by one test file must not be resumed by the next.
process.env.JOBS_EXECUTOR_ID ??= `test-${process.pid}`;
// Below the kernel's ephemeral range (32768-60999 here), where any outgoing
// connection of the machine may already hold the port: 10,000-21,100.
const appPort = 10_000 + Number(process.env.VITEST_POOL_ID ?? 0) * 7 + (process.ppid % 997) * 11;
process.env.APP_URL = `http://127.0.0.1:${appPort}`;
