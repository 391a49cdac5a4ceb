import "server-only";
import { getJobEngine } from "./engine";
import { parseEvent } from "./events";
import type { JobEvent } from "./types";

/**
 * Sends durable events to whichever engine runs this deployment. Events are
 * validated against inngest/events.ts first, so a bad event fails here, at
 * the sender, not later inside a run. An event with an id starts each
 * triggered function at most once, however often it is sent.
 */
export async function sendEvent(events: JobEvent | JobEvent[]): Promise<void> {
  const list = (Array.isArray(events) ? events : [events]).map(parseEvent);
  if (list.length === 0) return;
  const engine = await getJobEngine();
  await engine.send(list);
}
