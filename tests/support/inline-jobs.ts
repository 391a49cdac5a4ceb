import { parseEvent } from "@/server/jobs/events";
import type { DurableFunction, JobEvent, StepTools } from "@/server/jobs/types";

/**
 * Runs durable functions in-process the moment their event is sent: each
 * step runs once, nothing is checkpointed, and — unlike both real engines —
 * a repeated event id starts the function again. Tests of webhook routes use
 * it so that any exactly-once result they observe is the services' own.
 */
export function createInlineJobs(functions: DurableFunction<never>[]) {
  const sent: JobEvent[] = [];
  const step: StepTools = {
    run: (_id, body) => body(),
    sleep: async () => {},
    waitForEvent: async () => null,
    sendEvent: async (_id, events) => send(events),
  };
  async function send(events: JobEvent | JobEvent[]): Promise<void> {
    for (const event of (Array.isArray(events) ? events : [events]).map(parseEvent)) {
      sent.push(event);
      for (const fn of functions) {
        if ("event" in fn.config.trigger && fn.config.trigger.event === event.name) {
          await fn.handler({ event: event as JobEvent<never>, step, runId: crypto.randomUUID() });
        }
      }
    }
  }
  return { sent, send };
}
