import "server-only";
import { env } from "../env";
import type { DurableFunction, JobEvent } from "./types";

export interface JobEngine {
  readonly name: "local" | "inngest";
  send(events: JobEvent[]): Promise<void>;
}

/** Inngest when configured (or forced), else the in-process DBOS engine. */
export function selectedEngine(): "local" | "inngest" {
  return env.JOB_ENGINE ?? (env.INNGEST_EVENT_KEY ? "inngest" : "local");
}

// On globalThis: Next.js loads this module once for instrumentation and again
// for route handlers, and both must reach the one engine.
const globalForJobs = globalThis as unknown as { bureauJobEngine?: Promise<JobEngine> };

/**
 * Starts the process's engine with the functions it runs. The caller owns the
 * list (instrumentation.ts, tests, benchmarks), so this layer never imports a
 * function definition. Starting twice returns the first engine.
 */
export function startJobEngine(functions: DurableFunction<never>[]): Promise<JobEngine> {
  globalForJobs.bureauJobEngine ??= (async () => {
    if (selectedEngine() === "inngest") return (await import("./inngest/engine")).createInngestEngine();
    return (await import("./local/dbos-engine")).startLocalEngine(functions);
  })();
  globalForJobs.bureauJobEngine.catch(() => {
    globalForJobs.bureauJobEngine = undefined;
  });
  return globalForJobs.bureauJobEngine;
}

/**
 * The engine events go to. Inngest needs no function list to send (it calls
 * back into /api/inngest), so it starts on first use; the local engine must
 * have been started with its functions.
 */
export function getJobEngine(): Promise<JobEngine> {
  if (globalForJobs.bureauJobEngine) return globalForJobs.bureauJobEngine;
  if (selectedEngine() === "inngest") return startJobEngine([]);
  return Promise.reject(
    new Error("The local job engine is not running: start it with startJobEngine(allFunctions) first."),
  );
}

export async function stopJobEngine(): Promise<void> {
  if (!globalForJobs.bureauJobEngine) return;
  globalForJobs.bureauJobEngine = undefined;
  if (selectedEngine() === "local") await (await import("./local/dbos-engine")).stopLocalEngine();
}
