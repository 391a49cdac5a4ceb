import { z } from "zod";
import { auth } from "@/server/auth/auth";
import { handle, jsonError } from "@/server/http/handle";
import { sseResponse, type SseFrame } from "@/server/http/sse";
import { zId } from "@/server/schemas/primitives";
import { backlogCursor, MAX_BACKLOG } from "@/server/services/console/feed-start";
import { ORG_EVENT_TYPES, type OrgEventType } from "@/server/services/events/catalogue";
import { latestOrgEventId } from "@/server/services/events/list-org-events";
import { streamOrgEvents } from "@/server/services/events/stream-org-events";
import { findMembership } from "@/server/services/orgs/find-membership";
import { ZEventCursorSchema, resumeCursor } from "@/server/rest/routes/events/events-query";

export const dynamic = "force-dynamic";

/**
 * `types`: comma-separated event types or type prefixes ending in "." ("task.",
 * "credits."), each matching at least one catalogued type.
 */
const ZTypesSchema = z
  .string()
  .max(2_000)
  .transform((v, ctx): OrgEventType[] => {
    const wanted = [...new Set(v.split(",").map((t) => t.trim()))].filter(Boolean);
    const types = new Set<OrgEventType>();
    for (const want of wanted) {
      const matches = ORG_EVENT_TYPES.filter((t) => (want.endsWith(".") ? t.startsWith(want) : t === want));
      if (!matches.length) {
        ctx.addIssue({ code: "custom", message: `no event type matches '${want}'` });
        return z.NEVER;
      }
      matches.forEach((t) => types.add(t));
    }
    return [...types];
  });

const ZQuerySchema = z.object({
  orgId: zId,
  after: ZEventCursorSchema.optional(),
  types: ZTypesSchema.optional(),
  /** With no cursor: replay this many of the newest events first (else start live at the newest). */
  backlog: z.coerce.number().int().min(1).max(MAX_BACKLOG).optional(),
});

/**
 * The console's live feed for a signed-in member: the org's events as SSE
 * frames (`event: org-event`, `id:` = event id, `data:` the event as the
 * REST door shows it), woken by each commit's NOTIFY with a timed re-read
 * (streamOrgEvents), a heartbeat comment every 15 s. Resumes after
 * Last-Event-ID or `?after=`; a member removed from the org is cut off at the
 * next timed re-read. An org the caller does not belong to is a 404.
 */
export const GET = handle(async (request: Request) => {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return jsonError(401, "unauthenticated", "Sign in to continue.");
  const url = new URL(request.url);
  const params = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const orgId = zId.safeParse(params.orgId);
  if (!orgId.success) return jsonError(400, "bad_request", "The orgId query parameter is required.");
  const member = { orgId: orgId.data, userId: session.user.id };
  if (!(await findMembership(member))) return jsonError(404, "not_found", "Organization not found.");
  const query = ZQuerySchema.safeParse(params);
  if (!query.success) return jsonError(400, "bad_request", z.prettifyError(query.error));

  const { types, backlog } = query.data;
  const resume = resumeCursor(request, query.data.after);
  const start =
    resume ??
    (backlog ? await backlogCursor({ orgId: member.orgId, backlog, types }) : await latestOrgEventId(member.orgId));
  const stillAllowed = async () => (await findMembership(member)) !== null;
  return sseResponse(
    async function* (signal): AsyncGenerator<SseFrame> {
      for await (const event of streamOrgEvents({ orgId: member.orgId, after: start, types, signal, stillAllowed })) {
        yield { id: event.id, event: "org-event", data: event };
      }
    },
    { request },
  );
});
