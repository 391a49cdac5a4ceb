import { z } from "zod";

/**
 * Every durable event, with the schema its data must satisfy. Events are
 * parsed with these at every boundary (sendEvent, engines), so a function
 * never sees malformed data. Names are `domain/noun.verb`.
 */
export const EVENTS = {
  "task/started": z.object({ taskId: z.string() }),
  "task/message.sent": z.object({ taskId: z.string(), turn: z.number().int().positive() }),
  "task/cancel.requested": z.object({ taskId: z.string() }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventData<N extends EventName> = z.infer<(typeof EVENTS)[N]>;
