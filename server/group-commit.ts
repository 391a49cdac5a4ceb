import "server-only";
import { db, type Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
import { logger } from "./logger";

/** One call of a database function, its arguments positional (JSON values). */
export interface UnitCall {
  fn: string;
  args: unknown[];
}

/** What a unit's `call` answers when it must run as its Prisma `body` instead; it wrote nothing. */
export const NEEDS_PRISMA: unique symbol = Symbol("group-commit: run as body");

export interface GroupCommitOptions<T> {
  /**
   * The same unit as one call of a database function, which a batch carries
   * with the other units' calls in ONE statement (the committer's
   * `runCalls`): one round trip and one commit per batch, with no
   * transaction around it. `read` turns the function's answer into the
   * unit's result, or answers NEEDS_PRISMA (the function wrote nothing): the
   * unit then runs as its `body` after the batch.
   */
  call?: UnitCall & { read: (answer: unknown) => T | typeof NEEDS_PRISMA };
}

interface Item {
  body: (tx: Tx) => Promise<unknown>;
  call?: UnitCall & { read: (answer: unknown) => unknown };
  /** Runs as its body: its call asked for it, or a batch statement carrying it failed. */
  prismaOnly: boolean;
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
 * unit's lock. Alone, a unit runs as its own plain transaction (or its one
 * call), so an idle system pays nothing for it.
 *
 * A batch whose units all have a `call` (and a committer with `runCalls`)
 * is one statement; any other batch is a Prisma transaction running the
 * bodies one after another. Either runs optimistically, without savepoints
 * (units rarely fail). When it fails, nothing of it was written: a body
 * that threw gets its error (run alone it would have failed the same way:
 * the units before it are what it saw), and the units run again, each
 * under its own SAVEPOINT, so a failing unit's writes and locks are undone
 * alone while the others commit. A unit picked as a deadlock victim is
 * retried in a later batch. Units of one stream commit in arrival order (a
 * unit sent back to its body commits after the batch it was in), and a
 * caller learns its outcome only after the commit.
 *
 * A stream is a key: work that locks the same hot rows should share one
 * (e.g. one per org for credit holds), so a batch takes each hot lock once.
 */
export class GroupCommitter {
  private readonly queues = new Map<string, Item[]>();

  /** runCalls: runs a batch's calls, in order, as one statement, resolving with their answers in that order. */
  constructor(private readonly runCalls?: (calls: UnitCall[]) => Promise<unknown[]>) {}

  run<T>(stream: string, body: (tx: Tx) => Promise<T>, options: GroupCommitOptions<T> = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item: Item = {
        body,
        call: options.call,
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
    if (this.runCalls && batch.every((item) => item.call && !item.prismaOnly)) return this.commitCalls(batch);
    if (batch.length === 1) {
      const [item] = batch as [Item];
      try {
        item.resolve(await db.$transaction((tx) => item.body(tx)));
      } catch (error) {
        if (isRetryable(error) && ++item.attempts < MAX_ATTEMPTS) return [item];
        item.reject(error);
      }
      return [];
    }
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

  /** The batch as one statement of calls. */
  private async commitCalls(batch: Item[]): Promise<Item[]> {
    let answers: unknown[];
    try {
      answers = await this.runCalls!(batch.map(({ call }) => ({ fn: call!.fn, args: call!.args })));
      if (answers.length !== batch.length) throw new Error("group commit: a batch statement lost answers");
    } catch (error) {
      // Nothing of the batch was written. Alone, the unit's own error (a
      // lost deadlock runs again); together, each runs again as its body
      // under a savepoint, so only a failing unit gets an error.
      if (batch.length === 1) {
        const [item] = batch as [Item];
        if (isRetryable(error) && ++item.attempts < MAX_ATTEMPTS) return [item];
        item.reject(error);
        return [];
      }
      for (const item of batch) item.prismaOnly = true;
      return this.commitWithSavepoints(batch);
    }
    const retry: Item[] = [];
    for (const [i, item] of batch.entries()) {
      try {
        const value = item.call!.read(answers[i]);
        if (value !== NEEDS_PRISMA) item.resolve(value);
        else {
          item.prismaOnly = true;
          retry.push(item);
        }
      } catch (error) {
        item.reject(error);
      }
    }
    return retry;
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
        void this.run(`retry:${crypto.randomUUID()}`, item.body, item.prismaOnly ? {} : { call: item.call }).then(
          item.resolve,
          item.reject,
        );
      else item.reject(error);
    }
    return [];
  }
}
