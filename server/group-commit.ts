import "server-only";
import { db, type Db, type Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
import { logger } from "./logger";

interface Item {
  body: (tx: Tx) => Promise<unknown>;
  alone?: (client: Db) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  attempts: number;
}

/** Most units of work one transaction carries; more wait for the next one. */
const MAX_BATCH = 64;
/** A unit chosen as a deadlock victim is retried in a later batch this many times. */
const MAX_ATTEMPTS = 4;

/** Lock conflicts that only this attempt lost: the same work succeeds when run again. */
function isRetryable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? "")}` : "";
  return /deadlock detected|could not serialize access|40P01|40001/.test(text);
}

export interface GroupCommitOptions<T> {
  /**
   * The same unit as ONE statement on the client itself (no transaction
   * around it), used when it commits alone: a single statement is its own
   * transaction, so an idle system does not pay BEGIN and COMMIT, two more
   * round trips, for it. It must be atomic on its own (one statement, or a
   * transaction it opens itself) and do what `body` does.
   */
  alone?: (client: Db) => Promise<T>;
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
 * in a later batch. Units of one stream commit in arrival order,
 * and a caller learns its outcome only after the commit.
 *
 * A stream is a key: work that locks the same hot rows should share one
 * (e.g. one per org for credit holds), so a batch takes each hot lock once.
 */
export class GroupCommitter {
  private readonly queues = new Map<string, Item[]>();

  run<T>(stream: string, body: (tx: Tx) => Promise<T>, options: GroupCommitOptions<T> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item: Item = {
        body,
        alone: options.alone,
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

  /** Runs one batch; returns the units to run again (deadlock victims). */
  private async commit(batch: Item[]): Promise<Item[]> {
    if (batch.length === 1) {
      const [item] = batch as [Item];
      try {
        item.resolve(await (item.alone ? item.alone(db) : db.$transaction((tx) => item.body(tx))));
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
      await db.$transaction(async (tx) => {
        for (const [i, item] of batch.entries()) {
          try {
            values[i] = await item.body(tx);
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
    for (const [i, item] of batch.entries()) item.resolve(values[i]);
    return [];
  }

  /** Each unit under its own savepoint: one that throws is undone alone. */
  private async commitWithSavepoints(batch: Item[]): Promise<Item[]> {
    if (batch.length <= 1) return batch;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await db.$transaction(async (tx) => {
        for (const [i, item] of batch.entries()) {
          await tx.$executeRawUnsafe(`SAVEPOINT unit_${i}`);
          try {
            outcomes[i] = { ok: true, value: await item.body(tx) };
            await tx.$executeRawUnsafe(`RELEASE SAVEPOINT unit_${i}`);
          } catch (error) {
            await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT unit_${i}`);
            outcomes[i] = { ok: false, error };
          }
        }
      });
    } catch (error) {
      return this.commitAlone(batch, error);
    }
    const retry: Item[] = [];
    for (const [i, item] of batch.entries()) {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else if (isRetryable(outcome.error) && ++item.attempts < MAX_ATTEMPTS) retry.push(item);
      else item.reject(outcome.error);
    }
    return retry;
  }

  /**
   * The COMMIT itself (or the connection) failed: nothing of the batch was
   * written. Its units run again alone, so one bad unit cannot sink others.
   */
  private commitAlone(batch: Item[], error: unknown): Item[] {
    logger.warn({ err: error, units: batch.length }, "group commit failed; retrying its units one by one");
    for (const item of batch) {
      if (++item.attempts < MAX_ATTEMPTS)
        void this.run(`retry:${crypto.randomUUID()}`, item.body, { alone: item.alone }).then(item.resolve, item.reject);
      else item.reject(error);
    }
    return [];
  }
}

const globalForCommit = globalThis as unknown as { bureauGroupCommitter?: GroupCommitter };
/** The process's group committer (shared across Next.js module instances). */
export const groupCommit = (globalForCommit.bureauGroupCommitter ??= new GroupCommitter());
