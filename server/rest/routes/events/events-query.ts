import "server-only";
import { z } from "zod";
import { DomainError } from "../../../errors";
import { zExternalId, zSerialId } from "../../../schemas/primitives";
import { isOrgEventType, ORG_EVENT_TYPES, type OrgEventType } from "../../../services/events/catalogue";
import { MAX_EVENTS_PAGE } from "../../../services/events/list-org-events";

// Shared by GET /api/v1/events, its stream, and the console's /api/events/org.

const CURSOR_MESSAGE = "must be an event id (the `id` or `next` of an earlier answer)";
export const ZEventCursorSchema = z
  .string()
  .refine((v) => zSerialId.safeParse(v).success, CURSOR_MESSAGE)
  .transform((v) => BigInt(v))
  .meta({
    description: "An event id: the `id` of an event or the `next` of a page.",
    pattern: "^\\d{1,19}$",
    example: "1042",
  });

const ZTypesSchema = z
  .string()
  .max(ORG_EVENT_TYPES.length * 40, "lists more types than exist")
  .transform((v, ctx): OrgEventType[] => {
    const names = [...new Set(v.split(",").map((t) => t.trim()))].filter(Boolean);
    const unknown = names.filter((t) => !isOrgEventType(t));
    if (unknown.length) {
      ctx.addIssue({ code: "custom", message: `unknown event type ${unknown.map((t) => `'${t}'`).join(", ")}` });
      return z.NEVER;
    }
    return names as OrgEventType[];
  })
  .meta({ description: "Comma-separated event types (see `OrgEvent.type`).", example: "task.settled,credits.held" });

/** The filters of the event log and its stream. */
export const ZEventsFilterSchema = z.object({
  after: ZEventCursorSchema.optional().meta({ description: "Only events after this id." }),
  types: ZTypesSchema.optional(),
  subject: zExternalId.optional().meta({ description: "Only events about this subject id (a task, a key, …)." }),
});

export const ZEventsQuerySchema = ZEventsFilterSchema.extend({
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_EVENTS_PAGE, `must be at most ${MAX_EVENTS_PAGE}`)
    .default(100)
    .meta({ description: `Events per page, 1 to ${MAX_EVENTS_PAGE}.` }),
});

/**
 * Where a stream resumes: after the request's Last-Event-ID (EventSource
 * sends it on reconnect), else after `after` (the query's), else undefined.
 * A Last-Event-ID that is not an event id is a 400 invalid_input (thrown).
 */
export function resumeCursor(request: Request, after: bigint | undefined): bigint | undefined {
  const lastEventId = request.headers.get("last-event-id");
  if (lastEventId === null || lastEventId === "") return after;
  const parsed = ZEventCursorSchema.safeParse(lastEventId);
  if (!parsed.success) throw new DomainError("invalid_input", "Last-Event-ID must be an event id.");
  return parsed.data;
}
