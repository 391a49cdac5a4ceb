"use client";

import { useEffect, useRef, useState } from "react";
import { ZOrgEventViewSchema, type OrgEventView } from "@/server/schemas/org-events";

export type OrgEventsStatus = "connecting" | "live" | "reconnecting" | "failed";

/**
 * Follows the org's event log (/api/events/org, the console's stream) for
 * the given event types, from now on. EventSource reconnects by itself and
 * sends Last-Event-ID, so nothing between two connections is lost. Each
 * open (the first and every reconnect) calls `onOpen`: whatever happened
 * before the stream was up is the page's to re-read (a refetch), after it
 * the events tell.
 */
export function useOrgEvents(opts: {
  orgId: string;
  /** Comma-separated types or prefixes ending in "." ("workflow_run.,approval.requested"). */
  types: string;
  enabled?: boolean;
  onEvent: (event: OrgEventView) => void;
  onOpen?: () => void;
}): OrgEventsStatus {
  const [status, setStatus] = useState<OrgEventsStatus>("connecting");
  const handlers = useRef({ onEvent: opts.onEvent, onOpen: opts.onOpen });
  useEffect(() => {
    handlers.current = { onEvent: opts.onEvent, onOpen: opts.onOpen };
  });
  const { orgId, types, enabled = true } = opts;

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(`/api/events/org?${new URLSearchParams({ orgId, types })}`);
    source.onopen = () => {
      setStatus("live");
      handlers.current.onOpen?.();
    };
    source.addEventListener("org-event", (message) => {
      setStatus("live");
      let parsed;
      try {
        parsed = ZOrgEventViewSchema.safeParse(JSON.parse(String(message.data)));
      } catch {
        // A malformed frame is skipped; the next refetch reconciles.
        return;
      }
      if (parsed.success) handlers.current.onEvent(parsed.data);
    });
    // CLOSED means the browser gave up (a 401 or 404): no more retries.
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "failed" : "reconnecting");
    return () => source.close();
  }, [orgId, types, enabled]);

  return status;
}

/**
 * A function that runs `fn` at most once per `ms`: at once when idle, else
 * once at the end of the window (so the last call is always followed by a run).
 */
export function useThrottled(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  const state = useRef<{ last: number; timer: ReturnType<typeof setTimeout> | null }>({ last: 0, timer: null });
  useEffect(() => {
    const current = state.current;
    return () => {
      if (current.timer) clearTimeout(current.timer);
    };
  }, []);
  const call = useRef(() => {
    const s = state.current;
    if (s.timer) return;
    const run = () => {
      s.last = Date.now();
      s.timer = null;
      latest.current();
    };
    const wait = ms - (Date.now() - s.last);
    if (wait <= 0) run();
    else s.timer = setTimeout(run, wait);
  });
  return call.current;
}
