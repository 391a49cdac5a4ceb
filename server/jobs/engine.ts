import { env } from "../env";
import type { JobEvent } from "./types";

export interface JobEngine {
  readonly name: "local" | "inngest";
  send(events: JobEvent[]): Promise<void>;
}

/** Inngest when configured (or forced), else the in-process DBOS engine. */
export function selectedEngine(): "local" | "inngest" {
  return env.JOB_ENGINE ?? (env.INNGEST_EVENT_KEY ? "inngest" : "local");
}

const globalForJobs = globalThis as unknown as { bureauJobEngine?: Promise<JobEngine> };

/** The process's engine, started on first use (and by instrumentation.ts at boot). */
export function getJobEngine(): Promise<JobEngine> {
  globalForJobs.bureauJobEngine ??= (async () => {
    if (selectedEngine() === "inngest") return (await import("./inngest/engine")).createInngestEngine();
    return (await import("./local/dbos-engine")).startLocalEngine();
  })();
  globalForJobs.bureauJobEngine.catch(() => {
    globalForJobs.bureauJobEngine = undefined;
  });
  return globalForJobs.bureauJobEngine;
}

export async function stopJobEngine(): Promise<void> {
  if (!globalForJobs.bureauJobEngine) return;
  globalForJobs.bureauJobEngine = undefined;
  if (selectedEngine() === "local") await (await import("./local/dbos-engine")).stopLocalEngine();
}
