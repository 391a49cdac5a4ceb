import { z } from "zod";
import { DomainError } from "@/server/errors";
import { jsonError } from "@/server/http/handle";
import { invalidParams } from "@/server/http/rest";
import { zExternalId, zSerialId } from "@/server/schemas/primitives";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/server/services/api-keys/authenticate-api-key";
import { isOrgEventType, ORG_EVENT_TYPES, type OrgEventType } from "@/server/services/events/catalogue";
import { MAX_EVENTS_PAGE } from "@/server/services/events/list-org-events";
import { clientIp } from "@/server/services/rate-limit/client-ip";

// Shared by GET /api/v1/events and its stream (not a route: Next.js routes only route.ts).

const CURSOR_MESSAGE = "must be an event id (the `id` or `next` of an earlier answer)";
export const ZEventCursorSchema = z
  .string()
  .refine((v) => zSerialId.safeParse(v).success, CURSOR_MESSAGE)
  .transform((v) => BigInt(v));

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
  });

const ZEventsQuerySchema = z.object({
  after: ZEventCursorSchema.optional(),
  types: ZTypesSchema.optional(),
  subject: zExternalId.optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_EVENTS_PAGE, `must be at most ${MAX_EVENTS_PAGE}`)
    .default(100),
});
export type EventsQuery = z.infer<typeof ZEventsQuerySchema>;

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

/** The query string, checked (400 invalid_input naming the parameter otherwise). */
export function parseEventsQuery(url: URL): EventsQuery {
  const params = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const parsed = ZEventsQuerySchema.safeParse(params);
  if (!parsed.success) throw invalidParams(parsed.error);
  return parsed.data;
}

/**
 * The org API key of the request, which must hold events:read. Checked before
 * anything is read: a 401 answer for a missing or bad key, a 403
 * missing_scope refusal (thrown) for a key without the scope.
 */
export async function eventsPrincipal(request: Request): Promise<ApiKeyPrincipal | Response> {
  const result = await authenticateApiKey(request.headers.get("authorization"), {
    clientIp: clientIp(request.headers),
  });
  if (!result.ok) {
    return jsonError(401, `api_key_${result.code}`, result.message, { headers: { "www-authenticate": "Bearer" } });
  }
  if (!result.principal.scopes.includes("events:read")) {
    throw new DomainError("missing_scope", "This API key lacks the events:read scope.");
  }
  return result.principal;
}
