import { handle } from "@/server/http/handle";
import { sseResponse, type SseFrame } from "@/server/http/sse";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { latestOrgEventId } from "@/server/services/events/list-org-events";
import { streamOrgEvents } from "@/server/services/events/stream-org-events";
import { eventsPrincipal, parseEventsQuery, resumeCursor } from "../events-request";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/events/stream?after=&types=&subject= — the org's events as
 * Server-Sent Events, live: `id:` is the event id, `data:` the event as GET
 * /api/v1/events returns it, a comment line every 15 s keeps proxies from
 * closing an idle stream. Resumes after Last-Event-ID (EventSource sends it on
 * reconnect) or `after`; with neither it starts at the newest event. Ends when
 * the key is revoked. Needs the events:read scope.
 */
export const GET = handle(async (request: Request) => {
  const principal = await eventsPrincipal(request);
  if (principal instanceof Response) return principal;
  const query = parseEventsQuery(new URL(request.url));
  const start = resumeCursor(request, query.after) ?? (await latestOrgEventId(principal.orgId));
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
});
