// The driver adapter the wasm schema engine talks to Postgres through. It is
// built for migrations only; the app's runtime adapter is configured elsewhere
// and must not inherit the catalog-type workaround below.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

const PG_CHAR = 18; // Postgres' internal one-byte "char" (pg_class.relkind, …)
const PG_NAME = 19; // identifier type of every catalog name column
const PG_TEXT = 25;
const SHADOW_PREFIX = "prisma_migrate_shadow_db_";

/** Hides credentials so URLs can appear in error messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * pg config from a URL, never carrying `connectionString`: pg lets
 * connectionString override `database`, so a shadow config spread from it
 * would silently point at the main database.
 */
function clientConfig(url: string): pg.ClientConfig {
  const { connectionString: _ignored, ...config } = parseIntoClientConfig(url);
  return config;
}

/** Postgres schema from a Prisma-style `?schema=` URL parameter, if any. */
function schemaParam(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get("schema") ?? undefined;
  } catch {
    return undefined;
  }
}

/** Fails fast with a readable message instead of an opaque engine error. */
export async function assertCanConnect(url: string): Promise<void> {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new Error(`DATABASE_URL must be a postgresql:// URL, got "${redactUrl(url)}".`);
  }
  let config: pg.ClientConfig;
  try {
    config = clientConfig(url);
  } catch (error) {
    throw new Error(`DATABASE_URL is not a valid PostgreSQL URL (${redactUrl(url)}): ${String(error)}`);
  }
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 5000 });
  client.on("error", () => {}); // reported via the rejected promise below
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot connect to ${redactUrl(url)}: ${reason || "connection refused"}. ` +
        "Check that PostgreSQL is running and the database exists (create it first).",
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * adapter-pg rejects result columns of type "char"/name with
 * UnsupportedNativeDataType, but the engine's catalog queries return them.
 * Relabel them as text on the wire description before adapter-pg looks at it;
 * their text encoding is already a plain string.
 */
function createMigrationPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, max: 4 });
  pool.on("connect", (client) => {
    client.connection.prependListener("rowDescription", (msg: { fields: { dataTypeID: number }[] }) => {
      for (const field of msg.fields) {
        if (field.dataTypeID === PG_CHAR || field.dataTypeID === PG_NAME) field.dataTypeID = PG_TEXT;
      }
    });
  });
  // An idle client dying (e.g. server restart) must not crash the process.
  pool.on("error", () => {});
  return pool;
}

/**
 * adapter-pg splits scripts on every ";", which breaks dollar-quoted bodies
 * and commits statement by statement. Send the script as one simple-protocol
 * query instead (no bind values): Postgres runs it as one implicit
 * transaction, as the native engine does, and errors still go through
 * adapter-pg's mapping so the engine reports them properly.
 */
function withWholeScriptExecution(adapter: SqlDriverAdapter): SqlDriverAdapter {
  adapter.executeScript = async (script: string): Promise<void> => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  return adapter;
}

export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly config: pg.ClientConfig;
  private readonly schema: string | undefined;
  private readonly main: pg.Pool;
  /** Shadow databases not yet dropped; null while CREATE DATABASE runs. */
  private readonly shadows = new Map<string, pg.Pool | null>();
  private readonly creating = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(databaseUrl: string) {
    this.schema = schemaParam(databaseUrl);
    // Prisma's generated SQL is unqualified and relies on search_path, which
    // the native engine derives from ?schema=; a bare pool would use public.
    this.config = {
      ...clientConfig(databaseUrl),
      ...(this.schema ? { options: `-c search_path="${this.schema.replaceAll('"', '""')}"` } : {}),
    };
    this.main = createMigrationPool(this.config);
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await new PrismaPg(this.main, { schema: this.schema }).connect();
    return withWholeScriptExecution(adapter);
  }

  /** A fresh, uniquely named database on the same server, dropped on dispose. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (this.closing) throw new Error("Migration connection is closing.");
    const name = `${SHADOW_PREFIX}${randomUUID().replaceAll("-", "")}`;
    // Registered before CREATE so that close() during creation still drops it.
    this.shadows.set(name, null);
    const create = this.main.query(`CREATE DATABASE "${name}"`);
    this.creating.add(create);
    try {
      await create;
    } finally {
      this.creating.delete(create);
    }
    if (this.closing) throw new Error("Migration connection is closing.");
    const pool = createMigrationPool({ ...this.config, database: name });
    this.shadows.set(name, pool);
    // Guard against ever replaying migrations into the real database.
    const { rows } = await pool.query<{ db: string }>("SELECT current_database() AS db");
    if (rows[0]?.db !== name) {
      await this.dropShadow(name);
      throw new Error(`Shadow connection reached "${rows[0]?.db}" instead of "${name}"; refusing to continue.`);
    }
    const adapter = withWholeScriptExecution(await new PrismaPg(pool, { schema: this.schema }).connect());
    adapter.dispose = () => this.dropShadow(name);
    return adapter;
  }

  /**
   * Pool first: DROP … WITH (FORCE) would otherwise race our own idle
   * clients. Bounded wait, since end() also waits for checked-out clients.
   */
  private async dropShadow(name: string): Promise<void> {
    if (!this.shadows.has(name)) return;
    const pool = this.shadows.get(name);
    this.shadows.delete(name);
    if (pool) {
      const drained = pool.end().catch(() => {});
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    }
    await this.main.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }

  /**
   * Drops shadows the engine left behind (e.g. after an error), then the pool.
   * Idempotent: a signal handler and the normal cleanup path may race here.
   */
  close(): Promise<void> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private async closeOnce(): Promise<void> {
    await Promise.allSettled([...this.creating]);
    const errors: unknown[] = [];
    for (const name of [...this.shadows.keys()]) {
      await this.dropShadow(name).catch((error: unknown) => errors.push(error));
    }
    await this.main.end().catch(() => {});
    if (errors.length > 0) throw new AggregateError(errors, "Failed to drop shadow database(s)");
  }
}
