import { restRoute } from "@/server/http/rest";
import { listOrgEvents } from "@/server/services/events/list-org-events";
import { eventsPrincipal, parseEventsQuery } from "./events-request";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/events?after=&types=&subject=&limit= — the key's org's events
 * after the cursor, oldest first: `{ events, next, hasMore }`. Pass `next`
 * back as `after` to continue (it stays put when nothing new came, so polling
 * with it never skips an event). Needs the events:read scope.
 */
export const GET = restRoute(async (request: Request) => {
  const principal = await eventsPrincipal(request);
  if (principal instanceof Response) return principal;
  const query = parseEventsQuery(new URL(request.url));
  const page = await listOrgEvents({
    orgId: principal.orgId,
    after: query.after ?? 0n,
    limit: query.limit,
    types: query.types,
    subjectId: query.subject,
  });
  return Response.json(page);
});
