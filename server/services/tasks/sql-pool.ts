import "server-only";
import pg from "pg";
import type { Tx } from "../../db";
import { env } from "../../env";
import { GroupCommitter, type UnitCall } from "../../group-commit";

/** node-postgres' type id of `timestamp without time zone`. */
const TIMESTAMP_OID = 1114;

/**
 * node-postgres straight, for the task hot path's few fixed statements: a
 * group-commit batch of accepts and writes (one statement), the task a
 * blocking SendMessage answers with, the rate-limit bucket. Through Prisma's raw-query path one of them costs about
 * three times the CPU in Node (measured: ~500 µs against ~150 µs per
 * statement on this machine, and ~700 µs more for an interactive
 * transaction's BEGIN and COMMIT), and a gateway task is bound by its
 * process's CPU. Half the size of Prisma's pool: these statements are short,
 * and the connection budget of a process stays bounded (docs/performance.md,
 * scale-out). Statements run at most 20 s, like Prisma's transactions.
 *
 * Timestamps without time zone are UTC (Prisma's convention), whatever the
 * process's zone.
 */
function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: Math.max(2, Math.ceil(env.DATABASE_POOL_SIZE / 2)),
    // Idle connections never keep a script, a test or a bench from exiting.
    allowExitOnIdle: true,
    options: "-c statement_timeout=20000",
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_OID && format !== "binary"
          ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection the server dropped while idle is replaced on the next query; it is no request's error.
  pool.on("error", () => undefined);
  return pool;
}

const globalForPool = globalThis as unknown as { bureauHotPool?: pg.Pool };
const pool = (): pg.Pool => (globalForPool.bureauHotPool ??= createPool());

/** One fixed statement: its text with $1…$n placeholders (every parameter cast where types matter) and values. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** Runs a statement inside the caller's transaction (Prisma's), or on its own on the hot pool. */
export async function queryRows<T>(statement: Statement, tx?: Tx): Promise<T[]> {
  if (tx) return tx.$queryRawUnsafe<T[]>(statement.text, ...statement.values);
  return (await pool().query(statement.text, statement.values)).rows as T[];
}

/** A group-commit batch's calls as one statement on the hot pool (bureau_run_units, migration task_unit_batches). */
async function runUnits(calls: UnitCall[]): Promise<unknown[]> {
  const [row] = await queryRows<{ answers: unknown[] }>({
    text: "SELECT bureau_run_units($1::jsonb) AS answers",
    values: [JSON.stringify(calls)],
  });
  return row!.answers;
}

const globalForCommits = globalThis as unknown as { bureauTaskCommits?: GroupCommitter };
/**
 * The process's group committer for the task hot path (accepts and writes),
 * shared across Next.js module instances: a batch of calls is one statement
 * on the hot pool.
 */
export const taskCommits = (globalForCommits.bureauTaskCommits ??= new GroupCommitter(runUnits));
