import "server-only";
/**
 * Bureau's durable-function interface: a narrow, Inngest-shaped surface that
 * both engines implement. Functions in inngest/functions/*.ts are written
 * against this, never against an engine, so the same definition runs on
 * Inngest in production and on the in-process DBOS engine locally and in CI.
 */

export interface JobEvent<D = unknown> {
  name: string;
  data: D;
  /** Deduplication id: sending the same (name, id) twice starts one run. */
  id?: string;
}

export interface WaitForEventOptions {
  event: string;
  /** Give up after this many milliseconds; resolves to null. */
  timeoutMs: number;
  /** Dot path present in both the trigger and the awaited event's data, e.g. "taskId". */
  match: string;
}

export interface StepTools {
  /**
   * Runs fn once and checkpoints its (JSON-serialisable) result: on replay
   * after a crash the recorded result is returned without running fn again.
   * Throwing RetryableError (or any Error) retries with backoff up to the
   * function's `retries`; NonRetriableError fails the run at once.
   */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  /** Durable sleep: survives a restart. */
  sleep(id: string, ms: number): Promise<void>;
  /** Waits for an event whose data[match] equals the trigger's data[match]. */
  waitForEvent<D>(id: string, opts: WaitForEventOptions): Promise<JobEvent<D> | null>;
  /** Sends events from inside a run, exactly once per step id. */
  sendEvent(id: string, events: JobEvent | JobEvent[]): Promise<void>;
}

export interface FunctionContext<D> {
  event: JobEvent<D>;
  step: StepTools;
  /** Stable id of this run (same across retries and restarts). */
  runId: string;
}

export interface FunctionConfig {
  /** Stable, kebab-case; never rename a deployed function. */
  id: string;
  trigger: { event: string } | { cron: string };
  /** Retries per step (transport errors etc.); default 3. */
  retries?: number;
  /** At most `limit` runs at once per value of data[key] (or overall without key). */
  concurrency?: { limit: number; key?: string };
  /** Cancel the run when this event arrives with the same data[match]. */
  cancelOn?: { event: string; match: string }[];
}

export interface DurableFunction<D = unknown> {
  config: FunctionConfig;
  handler: (ctx: FunctionContext<D>) => Promise<unknown>;
  /** Compensation after the last retry failed (release a hold, mark failed). */
  onFailure?: (ctx: { event: JobEvent<D>; error: Error; runId: string }) => Promise<void>;
}

/** Thrown from a step to fail the whole run without retrying. */
export class NonRetriableError extends Error {
  override name = "NonRetriableError";
}

export function defineFunction<D>(
  config: FunctionConfig,
  handler: DurableFunction<D>["handler"],
  onFailure?: DurableFunction<D>["onFailure"],
): DurableFunction<D> {
  return { config, handler, onFailure };
}
