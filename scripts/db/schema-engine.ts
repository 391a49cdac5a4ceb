// Prisma migrate without the prisma CLI: drives the wasm schema engine through
// a pg driver adapter. Output (migration directories, migration_lock.toml,
// `_prisma_migrations`) is Prisma's own, so `prisma migrate deploy` on a
// machine with internet access accepts what this produces.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { takePanicMessage, loadSchemaEngine, type SchemaEngine } from "./engine-wasm.ts";
import {
  MIGRATIONS_DIR,
  SCHEMA_PATH,
  readDatamodels,
  readMigrationsList,
  toSchemasContainer,
  writeMigration,
} from "./migrations-dir.ts";
import { MigrationAdapterFactory, assertCanConnect } from "./pg-adapter.ts";

export interface DatabaseTarget {
  databaseUrl: string;
}

/** Overrides for tests; production callers use the repo's prisma/ directory. */
export interface SourceOverrides {
  /** Prisma schema file; relative paths resolve from the repo root. */
  schemaPath?: string;
  /** Absolute path of the migrations directory. */
  migrationsDir?: string;
}

export interface MigrationStatus {
  /** Whether `_prisma_migrations` exists yet. */
  hasMigrationsTable: boolean;
  /** Migration directories found on disk, in apply order. */
  local: string[];
  applied: string[];
  pending: string[];
  failed: string[];
  /** Applied, but migration.sql changed afterwards (checksum mismatch). */
  edited: string[];
  /** Recorded in the database but absent from the directory. */
  missingLocally: string[];
  /** Database and directory histories disagree (not just "behind"). */
  diverged: boolean;
  upToDate: boolean;
}

// prisma.config.ts declares no external tables/enums.
const FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

const ENGINE_DEBUG = process.env.DEBUG_SCHEMA_ENGINE === "1";

/** A refusal of ours, reported as is rather than as an engine failure. */
export class MigrationToolError extends Error {}

/** Engine errors arrive as Errors or plain `{ message }` objects; keep panics visible. */
function engineError(error: unknown): Error {
  if (error instanceof MigrationToolError) return error;
  const hasMessage = typeof error === "object" && error !== null && "message" in error;
  let message = hasMessage && typeof error.message === "string" ? error.message : String(error);
  const panic = takePanicMessage();
  if (panic) message += `\n${panic}`;
  return new Error(`Schema engine: ${message}`, { cause: error });
}

/**
 * One engine per call, over one adapter factory whose close() also drops any
 * shadow database the engine did not release (errors included).
 */
async function withEngine<T>(
  databaseUrl: string,
  schemaPath: string | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await assertCanConnect(databaseUrl);
  const Engine = loadSchemaEngine();
  const factory = new MigrationAdapterFactory(databaseUrl);
  // The engine logs JSON lines (tracing); only useful when debugging it.
  const onLog = (line: string): void => {
    if (ENGINE_DEBUG) process.stderr.write(`[schema-engine] ${line}\n`);
  };
  // Ctrl-C mid-diff must not leave a shadow database behind.
  const onSignal = (): void => {
    setTimeout(() => process.exit(130), 5000).unref(); // if a pool never drains
    void factory.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  let engine: SchemaEngine | undefined;
  let failure: unknown;
  try {
    const datamodels = await readDatamodels(schemaPath ?? SCHEMA_PATH);
    engine = await Engine.new({ datamodels }, onLog, bindMigrationAwareSqlAdapterFactory(factory));
    return await run(engine);
  } catch (error) {
    failure = engineError(error);
    throw failure;
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    engine?.free();
    // A cleanup error must not mask the error that caused it.
    await factory.close().catch((error: unknown) => {
      if (failure === undefined) throw error;
      console.error("Also failed to clean up:", error);
    });
  }
}

/** Applies pending migrations, like `prisma migrate deploy`. */
export async function migrateDeploy({
  databaseUrl,
  migrationsDir = MIGRATIONS_DIR,
}: DatabaseTarget & Pick<SourceOverrides, "migrationsDir">): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(migrationsDir);
  return withEngine(databaseUrl, undefined, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: FILTERS });
    return { applied: appliedMigrationNames };
  });
}

/**
 * Like `prisma migrate dev --create-only --name <name>` but never applies or
 * resets anything on the target database: the diff runs on a temporary
 * shadow database. Returns null when the schema matches the migrations.
 */
export async function createMigration({
  databaseUrl,
  name,
  schemaPath,
  migrationsDir = MIGRATIONS_DIR,
}: DatabaseTarget & SourceOverrides & { name: string }): Promise<{ created: string | null }> {
  if (!/^[a-z0-9_]+$/i.test(name)) {
    throw new MigrationToolError(`Migration name "${name}" must contain only letters, digits and underscores.`);
  }
  const migrationsList = await readMigrationsList(migrationsDir);
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    // Without this first call the engine has no shadow-database strategy and
    // createMigration fails asking for a shadow database factory.
    const { action } = await engine.devDiagnostic({ migrationsList, filters: FILTERS });
    if (action.tag === "reset") {
      throw new MigrationToolError(
        `The database needs a reset before new migrations can be created: ${action.reason}\n` +
          "This tool never resets databases; point DATABASE_URL at a fresh or up-to-date database.",
      );
    }
    const schema = toSchemasContainer(await readDatamodels(schemaPath ?? SCHEMA_PATH));
    const result = await engine.createMigration({
      draft: false, // draft would write an empty migration when nothing changed
      migrationName: name,
      migrationsList,
      schema,
      filters: FILTERS,
    });
    if (result.migrationScript === null) return { created: null };
    await writeMigration({
      baseDir: migrationsDir,
      name: result.generatedMigrationName,
      extension: result.extension,
      script: result.migrationScript,
      connectorType: result.connectorType,
    });
    return { created: result.generatedMigrationName };
  });
}

/** Applied / pending / failed migrations, like `prisma migrate status`. */
export async function migrationStatus({
  databaseUrl,
  migrationsDir = MIGRATIONS_DIR,
}: DatabaseTarget & Pick<SourceOverrides, "migrationsDir">): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const local = migrationsList.migrationDirectories.map((dir) => dir.path);
  const diagnosis = await withEngine(databaseUrl, undefined, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: FILTERS }),
  );
  const history = diagnosis.history;
  const pending =
    history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
  const missingLocally = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
  const failed = diagnosis.failedMigrationNames;
  const diverged = history?.diagnostic === "historiesDiverge";
  return {
    hasMigrationsTable: diagnosis.hasMigrationsTable,
    local,
    applied: local.filter((name) => !pending.includes(name) && !failed.includes(name)),
    pending,
    failed,
    edited: diagnosis.editedMigrationNames,
    missingLocally,
    diverged,
    upToDate: pending.length === 0 && failed.length === 0 && missingLocally.length === 0 && !diverged,
  };
}

/**
 * CI guard: does replaying prisma/migrations (on a shadow database) produce
 * the schema in prisma/schema/? `sql` is what a new migration would contain.
 */
export async function checkDrift({
  databaseUrl,
  schemaPath,
  migrationsDir = MIGRATIONS_DIR,
}: DatabaseTarget & SourceOverrides): Promise<{ drift: boolean; sql: string }> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const datamodels = await readDatamodels(schemaPath ?? SCHEMA_PATH);
  return withEngine(databaseUrl, schemaPath, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", ...toSchemasContainer(datamodels) },
      script: true,
      exitCode: true, // engine reports exitCode 2 when the diff is non-empty
      filters: FILTERS,
    });
    const drift = result.exitCode === 2;
    // Without drift the engine still prints "-- This is an empty migration."
    return { drift, sql: drift ? (result.stdout ?? "") : "" };
  });
}
