import "server-only";
import { z } from "zod";
import { sseResponse, type SseFrame } from "../../../http/sse";
import { authenticateApiKey } from "../../../services/api-keys/authenticate-api-key";
import { latestOrgEventId } from "../../../services/events/list-org-events";
import { streamOrgEvents } from "../../../services/events/stream-org-events";
import { defineRoute } from "../../route";
import { ZOrgEventFrameSchema } from "./event-schemas";
import { ZEventCursorSchema, ZEventsFilterSchema } from "./events-query";

export const streamEvents = defineRoute({
  method: "get",
  path: "/api/v1/events/stream",
  operationId: "streamEvents",
  summary: "Follow the org's event log live",
  description:
    "The org's events as Server-Sent Events, as they commit. Resumes after `Last-Event-ID` (EventSource sends " +
    "it on reconnect) or `after`; with neither it starts at the newest event. Ends when the key is revoked.",
  tag: "Events",
  access: { kind: "apiKey", scope: "events:read" },
  query: ZEventsFilterSchema,
  headers: z.object({
    "last-event-id": ZEventCursorSchema.optional().meta({
      description: "Resume after this event (wins over `after`).",
    }),
  }),
  responses: {
    200: {
      description:
        "Server-Sent Events, each with `id` and `data` (an OrgEvent as JSON); a comment line (`: …`) " +
        "every 15 s keeps proxies from closing an idle stream.",
      schema: ZOrgEventFrameSchema,
      stream: "text/event-stream",
    },
  },
  handler: async ({ request, principal, query, headers }) => {
    const start = headers["last-event-id"] ?? query.after ?? (await latestOrgEventId(principal.orgId));
    const authorization = request.headers.get("authorization");
    const stillAllowed = async () => {
      const again = await authenticateApiKey(authorization);
      return again.ok && again.principal.orgId === principal.orgId && again.principal.scopes.includes("events:read");
    };
    return sseResponse(
      async function* (signal): AsyncGenerator<SseFrame> {
        for await (const event of streamOrgEvents({
          orgId: principal.orgId,
          after: start,
          types: query.types,
          subjectId: query.subject,
          signal,
          stillAllowed,
        })) {
          yield { id: event.id, data: event };
        }
      },
      { request },
    );
  },
});
