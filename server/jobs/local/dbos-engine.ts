import "server-only";
import { AsyncResource } from "node:async_hooks";
import { DBOS } from "@dbos-inc/dbos-sdk";
import { env } from "../../env";
import { logger } from "../../logger";
import type { JobEngine } from "../engine";
import { readPath } from "../events";
import { reportJobEngine } from "../status";
import type { DurableFunction, JobEvent } from "../types";
import { asJson, createDbosStep } from "./dbos-step";
import { matchingWaiters } from "./waiters";

/**
 * Fixed on purpose: DBOS's default version is a hash of the code, and a new
 * version orphans every unfinished run. Bump only with a migration plan.
 */
const APPLICATION_VERSION = "bureau-jobs-v1";
const SYSTEM_SCHEMA = "dbos";

type Workflow = (event: JobEvent) => Promise<unknown>;
interface Registered {
  fn: DurableFunction<never>;
  workflow: Workflow;
  queue: string | null;
}

const registry = new Map<string, Registered>();
const schedules: Parameters<typeof DBOS.applySchedules>[0] = [];
let registered = false;
let launched = false;

const queueName = (fn: DurableFunction<never>) => (fn.config.concurrency ? `fn-${fn.config.id}` : null);
const isCancellation = (error: unknown) => error instanceof Error && /cancel/i.test(error.name);

async function runFunction(fn: DurableFunction<never>, event: JobEvent): Promise<unknown> {
  const runId = DBOS.workflowID ?? "unknown";
  try {
    return asJson(await fn.handler({ event: event as JobEvent<never>, step: createDbosStep(fn, event, send), runId }));
  } catch (error) {
    if (fn.onFailure && !isCancellation(error)) {
      const failure = error instanceof Error ? error : new Error(String(error));
      await DBOS.runStep(() => fn.onFailure!({ event: event as JobEvent<never>, error: failure, runId }), {
        name: "on-failure",
      });
    }
    throw error;
  }
}

// Created at module load, outside any run: work started through it carries no
// DBOS step context.
const rootScope = new AsyncResource("bureau-jobs-root");

/**
 * Services called inside a step may send events (a push, a budget alert);
 * DBOS forbids starting runs from a step, so those sends leave the step's
 * context. Event ids keep them idempotent if the step is retried.
 */
function send(events: JobEvent[]): Promise<void> {
  return DBOS.isInStep() ? rootScope.runInAsyncScope(() => sendNow(events)) : sendNow(events);
}

/** Starts each triggered function once per event id, then wakes waiters and cancels matches. */
async function sendNow(events: JobEvent[]): Promise<void> {
  for (const event of events) {
    const id = event.id ?? crypto.randomUUID();
    for (const { fn, workflow, queue } of registry.values()) {
      if (!("event" in fn.config.trigger) || fn.config.trigger.event !== event.name) continue;
      const key = fn.config.concurrency?.key;
      const attributes = Object.fromEntries(
        (fn.config.cancelOn ?? []).map((c, i) => [`cancel${i}`, `${c.event}:${String(readPath(event.data, c.match))}`]),
      );
      await DBOS.startWorkflow(workflow, {
        workflowID: `${fn.config.id}:${id}`,
        ...(queue ? { queueName: queue } : {}),
        // A partitioned queue never runs an item without a partition key.
        ...(queue && key ? { enqueueOptions: { queuePartitionKey: String(readPath(event.data, key) ?? "_") } } : {}),
        workflowAttributes: attributes,
      })({ ...event, id });
    }
    const waiters = await inStep("deliver-lookup", () => matchingWaiters(event));
    for (const waiter of waiters)
      await DBOS.send(waiter.workflowId, { ...event, id }, waiter.topic, `${id}:${waiter.id}`);
    await cancelMatching(event);
  }
}

async function cancelMatching(event: JobEvent): Promise<void> {
  for (const { fn } of registry.values()) {
    for (const [i, c] of (fn.config.cancelOn ?? []).entries()) {
      if (c.event !== event.name) continue;
      const runs = await inStep("cancel-lookup", async () =>
        (
          await DBOS.listWorkflows({
            workflowName: fn.config.id,
            status: ["PENDING", "ENQUEUED"],
            attributes: { [`cancel${i}`]: `${c.event}:${String(readPath(event.data, c.match))}` },
          })
        ).map((w) => w.workflowID),
      );
      for (const workflowId of runs) await DBOS.cancelWorkflow(workflowId);
    }
  }
}

/** Checkpoint reads made while inside a run; outside one, just run them. */
function inStep<T>(name: string, body: () => Promise<T>): Promise<T> {
  return DBOS.isWithinWorkflow() && !DBOS.isInStep() ? DBOS.runStep(body, { name }) : body();
}

/**
 * DBOS's own 60 s idle-in-transaction timeout, sent as a connection startup
 * option. Left to DBOS, each new pooled connection gets a `SET` queued ahead
 * of the borrower's first query, which pg warns about at start ("client.query()
 * when the client is already executing a query"); DBOS skips that SET when the
 * URL's `options` already sets the timeout.
 */
function withIdleTransactionTimeout(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get("options") ?? "";
  if (options.includes("idle_in_transaction_session_timeout")) return databaseUrl;
  url.searchParams.set("options", `${options} -c idle_in_transaction_session_timeout=60000`.trim());
  return url.toString();
}

/** Starts DBOS in this process (once), running the given functions. */
export async function startLocalEngine(functions: DurableFunction<never>[]): Promise<JobEngine> {
  if (!launched) {
    if (!registered) registerAll(functions);
    DBOS.setConfig({
      name: "bureau",
      systemDatabaseUrl: withIdleTransactionTimeout(env.DATABASE_URL),
      systemDatabaseSchemaName: SYSTEM_SCHEMA,
      systemDatabasePoolSize: 5,
      applicationVersion: APPLICATION_VERSION,
      executorID: env.JOBS_EXECUTOR_ID,
      runAdminServer: false,
      logLevel: env.LOG_LEVEL === "silent" ? "error" : "warn",
    });
    await DBOS.launch();
    for (const { fn, queue } of registry.values()) {
      if (!queue || !fn.config.concurrency) continue;
      const { limit, key } = fn.config.concurrency;
      await DBOS.registerQueue(queue, {
        ...(key ? { partitionConcurrency: limit } : { concurrency: limit }),
        minPollingIntervalMs: 100,
      });
    }
    if (schedules.length) await DBOS.applySchedules(schedules);
    launched = true;
    reportJobEngine({ engine: "local", status: "running", functions: registry.size + schedules.length });
    logger.info(
      { functions: [...registry.keys()], schedules: schedules.length, executor: env.JOBS_EXECUTOR_ID },
      "local job engine started",
    );
  }
  return { name: "local", send };
}

/** DBOS registrations are process-global and must precede launch; do them once. */
function registerAll(functions: DurableFunction<never>[]): void {
  for (const fn of functions) {
    const { trigger } = fn.config;
    if ("cron" in trigger) {
      const scheduled = DBOS.registerWorkflow(
        (scheduledAt: Date) =>
          runFunction(fn, { name: "cron/tick", data: { scheduledAt: scheduledAt.toISOString() } }).then(
            () => undefined,
          ),
        { name: fn.config.id },
      );
      schedules.push({ scheduleName: `cron-${fn.config.id}`, workflowFn: scheduled, schedule: trigger.cron });
    } else {
      const workflow = DBOS.registerWorkflow((event: JobEvent) => runFunction(fn, event), { name: fn.config.id });
      registry.set(fn.config.id, { fn, workflow, queue: queueName(fn) });
    }
  }
  registered = true;
}

export async function stopLocalEngine(): Promise<void> {
  if (!launched) return;
  launched = false;
  await DBOS.shutdown();
  reportJobEngine({ engine: "local", status: "stopped", functions: 0 });
}
