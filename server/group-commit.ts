import "server-only";
import { db, type Db, type Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
import { logger } from "./logger";

/** A node-postgres connection (pg's PoolClient), as much of it as a batch needs. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  release(destroy?: boolean | Error): void;
}

/** What a unit's `sql` form answers when it must run as its Prisma `body` instead; it wrote nothing. */
export const NEEDS_PRISMA: unique symbol = Symbol("group-commit: run as body");

export interface GroupCommitOptions<T> {
  /**
   * The same unit as ONE statement on the client itself (no transaction
   * around it), used when it commits alone: a single statement is its own
   * transaction, so an idle system does not pay BEGIN and COMMIT, two more
   * round trips, for it. It must be atomic on its own (one statement, or a
   * transaction it opens itself) and do what `body` does.
   */
  alone?: (client: Db) => Promise<T>;
  /**
   * The same unit on a node-postgres connection, inside the batch's
   * transaction. A batch whose units all have it runs on node-postgres (see
   * the committer's `connect`), which costs a fraction of Prisma's CPU per
   * statement. It may answer NEEDS_PRISMA, having written nothing: the unit
   * then runs as its `body` in a later batch.
   */
  sql?: (client: SqlClient) => Promise<T | typeof NEEDS_PRISMA>;
}

interface Item {
  body: (tx: Tx) => Promise<unknown>;
  alone?: (client: Db) => Promise<unknown>;
  sql?: (client: SqlClient) => Promise<unknown>;
  /** Its sql form asked for its body. */
  prismaOnly: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  attempts: number;
}

/** One open batch transaction: runs a unit in it, or a statement of the committer's own (SAVEPOINT …). */
interface Session {
  unit(item: Item): Promise<unknown>;
  exec(statement: string): Promise<unknown>;
}

/** Most units of work one transaction carries; more wait for the next one. */
const MAX_BATCH = 64;
/** A unit chosen as a deadlock victim is retried in a later batch this many times. */
const MAX_ATTEMPTS = 4;

/** Lock conflicts that only this attempt lost: the same work succeeds when run again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "40P01" || code === "40001") return true;
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /deadlock detected|could not serialize access|40P01|40001/.test(text);
}

/**
 * Group commit: small units of work that arrive while a transaction of the
 * same stream is committing wait, then commit together in the next one.
 * One COMMIT (one WAL flush) then carries many units, and the rows they
 * share (an org's wallet, the ledger's hot accounts) are locked once per
 * batch instead of once per unit, with the flush no longer inside every
 * unit's lock. Alone, a unit runs as its own plain transaction (or as its
 * one statement, given `alone`), so an idle system pays nothing for it.
 *
 * A batch runs first without savepoints (units rarely fail). When one
 * throws, its caller gets its error and the rest run again, each under its
 * own SAVEPOINT, so a failing unit's writes and locks are undone alone
 * while the others commit. A unit picked as a deadlock victim is retried
 * in a later batch. Units of one stream commit in arrival order (a unit
 * sent back to run as its body commits after the batch it was in), and a
 * caller learns its outcome only after the commit.
 *
 * A stream is a key: work that locks the same hot rows should share one
 * (e.g. one per org for credit holds), so a batch takes each hot lock once.
 *
 * `connect`: where batches of units that all have a `sql` form get their
 * node-postgres connection; without it every batch runs on Prisma.
 */
export class GroupCommitter {
  private readonly queues = new Map<string, Item[]>();

  constructor(private readonly connect?: () => Promise<SqlClient>) {}

  run<T>(stream: string, body: (tx: Tx) => Promise<T>, options: GroupCommitOptions<T> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item: Item = {
        body,
        alone: options.alone,
        sql: options.sql,
        prismaOnly: false,
        resolve: resolve as (value: unknown) => void,
        reject,
        attempts: 0,
      };
      const queue = this.queues.get(stream);
      if (queue) {
        queue.push(item);
        return;
      }
      this.queues.set(stream, [item]);
      void this.drain(stream);
    });
  }

  private async drain(stream: string): Promise<void> {
    const queue = this.queues.get(stream)!;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        const retry = await this.commit(batch);
        queue.push(...retry);
      }
    } finally {
      this.queues.delete(stream);
    }
  }

  /** Runs one batch; returns the units to run again (deadlock victims, units sent back to their body). */
  private async commit(batch: Item[]): Promise<Item[]> {
    if (batch.length === 1 && batch[0]!.alone && !batch[0]!.prismaOnly) {
      const [item] = batch as [Item];
      try {
        item.resolve(await item.alone!(db));
      } catch (error) {
        if (isRetryable(error) && ++item.attempts < MAX_ATTEMPTS) return [item];
        item.reject(error);
      }
      return [];
    }
    // Optimistic first: no savepoints, since units rarely fail. The first
    // failure aborts the attempt; that unit gets its error (run alone it
    // would have failed the same way: the units before it are what it saw)
    // and the others run again, each under a savepoint.
    const values: unknown[] = [];
    let failed = -1;
    let failure: unknown;
    try {
      await this.transaction(batch, async (session) => {
        for (const [i, item] of batch.entries()) {
          try {
            values[i] = await session.unit(item);
          } catch (error) {
            failed = i;
            failure = error;
            throw error;
          }
        }
      });
    } catch (error) {
      if (failed === -1) return this.commitAlone(batch, error);
      const item = batch[failed]!;
      const rest = batch.filter((_, i) => i !== failed);
      if (isRetryable(failure) && ++item.attempts < MAX_ATTEMPTS) rest.push(item);
      else item.reject(failure);
      return this.commitWithSavepoints(rest);
    }
    return this.settle(
      batch,
      values.map((value) => ({ ok: true, value })),
    );
  }

  /** Each unit under its own savepoint: one that throws is undone alone. */
  private async commitWithSavepoints(batch: Item[]): Promise<Item[]> {
    if (batch.length <= 1) return batch;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.transaction(batch, async (session) => {
        for (const [i, item] of batch.entries()) {
          await session.exec(`SAVEPOINT unit_${i}`);
          try {
            outcomes[i] = { ok: true, value: await session.unit(item) };
            await session.exec(`RELEASE SAVEPOINT unit_${i}`);
          } catch (error) {
            await session.exec(`ROLLBACK TO SAVEPOINT unit_${i}`);
            outcomes[i] = { ok: false, error };
          }
        }
      });
    } catch (error) {
      return this.commitAlone(batch, error);
    }
    return this.settle(batch, outcomes);
  }

  /** After the commit: each caller gets its outcome; returns the units to run again. */
  private settle(batch: Item[], outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[]): Item[] {
    const retry: Item[] = [];
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok && outcome.value === NEEDS_PRISMA) {
        item.prismaOnly = true;
        retry.push(item);
      } else if (outcome.ok) item.resolve(outcome.value);
      else if (isRetryable(outcome.error) && ++item.attempts < MAX_ATTEMPTS) retry.push(item);
      else item.reject(outcome.error);
    }
    return retry;
  }

  /**
   * One transaction for the batch: on node-postgres when every unit has a
   * `sql` form (and the committer a connection to run it on), else Prisma's.
   */
  private async transaction(batch: Item[], fn: (session: Session) => Promise<void>): Promise<void> {
    if (!this.connect || batch.some((item) => !item.sql || item.prismaOnly)) {
      await db.$transaction((tx) =>
        fn({ unit: (item) => item.body(tx), exec: (statement) => tx.$executeRawUnsafe(statement) }),
      );
      return;
    }
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      try {
        await fn({ unit: (item) => item.sql!(client), exec: (statement) => client.query(statement) });
        await client.query("COMMIT");
      } catch (error) {
        // A connection that cannot even roll back is not given back to the pool.
        await client.query("ROLLBACK").catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  /**
   * The COMMIT itself (or the connection) failed: nothing of the batch was
   * written. Its units run again alone, so one bad unit cannot sink others.
   */
  private commitAlone(batch: Item[], error: unknown): Item[] {
    logger.warn({ err: error, units: batch.length }, "group commit failed; retrying its units one by one");
    for (const item of batch) {
      if (++item.attempts < MAX_ATTEMPTS)
        void this.run(`retry:${crypto.randomUUID()}`, item.body, {
          alone: item.prismaOnly ? undefined : item.alone,
          sql: item.prismaOnly ? undefined : item.sql,
        }).then(item.resolve, item.reject);
      else item.reject(error);
    }
    return [];
  }
}
