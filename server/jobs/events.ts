import "server-only";
import { EVENTS, type EventName } from "@/inngest/events";
import type { JobEvent } from "./types";

export class UnknownEventError extends Error {}

/** Parses an event at a trust boundary; unknown names and bad data throw. */
export function parseEvent(event: JobEvent): JobEvent {
  const schema = (EVENTS as Record<string, (typeof EVENTS)[EventName]>)[event.name];
  if (!schema) throw new UnknownEventError(`Unknown event "${event.name}"`);
  return { ...event, data: schema.parse(event.data) };
}

/** Reads a dot path such as "taskId" or "account.id" from event data. */
export function readPath(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
