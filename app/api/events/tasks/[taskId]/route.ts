import { z } from "zod";
import { auth } from "@/server/auth/auth";
import { handle, jsonError } from "@/server/http/handle";
import { zId, zSerialId } from "@/server/schemas/primitives";
import { sseResponse, type SseFrame } from "@/server/http/sse";
import { streamTaskEvents } from "@/server/services/events/stream-task-events";
import { taskListener } from "@/server/services/events/task-listener";
import { findMemberTask } from "@/server/services/tasks/get-org-task";
import { toTaskEventView } from "@/server/schemas/task-event-view";

export const dynamic = "force-dynamic";

// Parsed to our id charset before any query: a NUL or a lone surrogate would make Postgres fail (a 500).
const ZParamsSchema = z.object({ taskId: zId });
const ZOrgIdSchema = zId;
const ZEventIdSchema = zSerialId.transform((v) => BigInt(v));

/**
 * The task page's live feed: the task's events as SSE frames
 * (`event: task-event`, `id:` = event id), following the task through
 * input-required until it ends, then `event: end`. Resumes after
 * Last-Event-ID (sent by EventSource on reconnect) or `?after=`.
 */
export const GET = handle(async (request: Request, context: { params: Promise<{ taskId: string }> }) => {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return jsonError(401, "unauthenticated", "Sign in to continue.");
  const url = new URL(request.url);
  const orgId = ZOrgIdSchema.safeParse(url.searchParams.get("orgId"));
  if (!orgId.success) return jsonError(400, "bad_request", "The orgId query parameter is required.");
  const params = ZParamsSchema.safeParse(await context.params);
  const task = params.success
    ? await findMemberTask({ orgId: orgId.data, userId: session.user.id, taskId: params.data.taskId })
    : null;
  if (!task) return jsonError(404, "not_found", "Task not found.");

  const resumeFrom = request.headers.get("last-event-id") ?? url.searchParams.get("after");
  const after = resumeFrom === null ? null : ZEventIdSchema.safeParse(resumeFrom);
  if (after && !after.success) return jsonError(400, "bad_request", "Last-Event-ID must be an event id.");

  const target = { orgId: orgId.data, taskId: task.id };
  return sseResponse(
    async function* (signal): AsyncGenerator<SseFrame> {
      // streamTaskEvents looks at the signal only before a read and while it
      // sleeps: an abort that lands during a read would leave it asleep until
      // its next re-check (up to 45 s). A wake-up for this task makes it look
      // again at once (other streams of the task just re-read once).
      const nudge = () => taskListener.emit(`task:${target.taskId}`);
      signal.addEventListener("abort", nudge, { once: true });
      try {
        for await (const event of streamTaskEvents({
          ...target,
          afterId: after?.data,
          signal,
          stopAtInputRequired: false,
        })) {
          const view = toTaskEventView(event);
          if (view) yield { id: view.id, event: "task-event", data: view };
        }
      } finally {
        signal.removeEventListener("abort", nudge);
      }
    },
    {
      request,
      final: async () => {
        const current = await findMemberTask({ ...target, userId: session.user.id });
        return { event: "end", data: { state: current?.state ?? null } };
      },
    },
  );
});
