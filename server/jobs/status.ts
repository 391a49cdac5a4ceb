import "server-only";
/**
 * Which durable-function engine this process runs and whether it is up.
 * The engines register themselves here when they start (see server/jobs/).
 */
export type JobEngineName = "local" | "inngest";

interface EngineState {
  engine: JobEngineName | null;
  status: "running" | "stopped" | "not_configured";
  functions: number;
}

// On globalThis: Next.js may load this module once for instrumentation and
// again for route handlers, and both must see the same engine.
const holder = globalThis as unknown as { bureauJobEngineState?: EngineState };
const state: EngineState = (holder.bureauJobEngineState ??= { engine: null, status: "not_configured", functions: 0 });

export function reportJobEngine(next: EngineState): void {
  Object.assign(state, next);
}

export function jobEngineStatus(): EngineState {
  return { ...state };
}
