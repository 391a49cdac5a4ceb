import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDeploy } from "../../scripts/db/schema-engine";
import {
  assertLocalDatabaseUrl,
  createDatabase,
  databaseExists,
  dropDatabase,
  renameDatabase,
  startEmbeddedPostgres,
  withDatabase,
  type EmbeddedServer,
} from "../../scripts/lib/postgres";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** Changes whenever a migration does, so a stale template is never reused. */
export function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const dir of readdirSync(MIGRATIONS).sort()) {
    const file = path.join(MIGRATIONS, dir, "migration.sql");
    if (statSync(path.join(MIGRATIONS, dir)).isDirectory()) hash.update(dir).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 10);
}

export const templateName = () => `bureau_tpl_${migrationsHash()}`;

/**
 * The Postgres server tests use: BUREAU_TEST_PG_URL (set by `npm test`),
 * else DATABASE_URL's server, else a throwaway embedded Postgres. Always local.
 */
export async function resolveTestServer(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const given = process.env.BUREAU_TEST_PG_URL ?? process.env.DATABASE_URL;
  if (given) {
    assertLocalDatabaseUrl(given);
    return { url: withDatabase(given, "postgres"), embedded: null };
  }
  const port = 55000 + (process.pid % 1000);
  const embedded = await startEmbeddedPostgres({
    dir: path.join(os.tmpdir(), `bureau-test-pg-${process.pid}`),
    port,
    persistent: false,
  });
  return { url: embedded.url, embedded };
}

/** Builds the migrated template database once per migrations version. */
export async function ensureTemplate(serverUrl: string): Promise<string> {
  const name = templateName();
  if (await databaseExists(serverUrl, name)) return name;
  const building = `${name}_b${process.pid}`;
  await createDatabase(serverUrl, building);
  await migrateDeploy({ databaseUrl: withDatabase(serverUrl, building) });
  // Rename only once complete, so a crash never leaves a half-built template.
  try {
    await renameDatabase(serverUrl, building, name);
  } catch (error) {
    await dropDatabase(serverUrl, building);
    if ((error as { code?: string }).code !== "42P04") throw error;
  }
  return name;
}
