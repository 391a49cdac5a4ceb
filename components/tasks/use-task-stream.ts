"use client";

import { useEffect, useRef, useState } from "react";
import { ZTaskEventViewSchema, type TaskEventView } from "@/server/schemas/task-event-view";

export type StreamStatus = "connecting" | "live" | "reconnecting" | "ended" | "failed";

/**
 * Follows a task's live events from /api/events/tasks/<id> with EventSource.
 * The browser reconnects by itself after a drop and sends Last-Event-ID, so
 * the server resumes where the page left off; `afterId` skips what the page
 * already has from tasks.get. Closed on `end` (the task finished) and on unmount.
 */
export function useTaskStream(opts: {
  orgId: string;
  taskId: string;
  afterId: string | null;
  enabled: boolean;
  onEvent: (event: TaskEventView) => void;
  onEnd: () => void;
}): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  const handlers = useRef({ onEvent: opts.onEvent, onEnd: opts.onEnd });
  useEffect(() => {
    handlers.current = { onEvent: opts.onEvent, onEnd: opts.onEnd };
  });
  const { orgId, taskId, afterId, enabled } = opts;

  useEffect(() => {
    if (!enabled) return;
    const params = new URLSearchParams({ orgId, ...(afterId ? { after: afterId } : {}) });
    const source = new EventSource(`/api/events/tasks/${encodeURIComponent(taskId)}?${params}`);
    source.onopen = () => setStatus("live");
    source.addEventListener("task-event", (message) => {
      // A frame is proof the stream is up, even if the open event was missed.
      setStatus("live");
      try {
        const parsed = ZTaskEventViewSchema.safeParse(JSON.parse(String(message.data)));
        if (parsed.success) handlers.current.onEvent(parsed.data);
      } catch {
        // A malformed frame is skipped; the page reconciles with tasks.get at the end.
      }
    });
    source.addEventListener("end", () => {
      source.close();
      setStatus("ended");
      handlers.current.onEnd();
    });
    source.onerror = () => {
      // CLOSED means the browser gave up (e.g. a 404 or 401): no more retries.
      setStatus(source.readyState === EventSource.CLOSED ? "failed" : "reconnecting");
    };
    return () => source.close();
  }, [orgId, taskId, afterId, enabled]);

  return enabled ? status : "ended";
}
