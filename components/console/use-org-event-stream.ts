"use client";

import { useEffect, useState } from "react";
import type { FeedStore } from "./feed-store";

export type OrgStreamStatus = "connecting" | "live" | "reconnecting" | "failed";

/** Events a freshly opened console replays from the log before going live. */
const BACKLOG = 200;

/**
 * Follows the org's event log from /api/events/org into `store`. EventSource
 * reconnects by itself and sends Last-Event-ID, so the server resumes where
 * the page left off (the backlog parameter only applies without a cursor).
 */
export function useOrgEventStream(orgId: string, store: FeedStore, enabled = true): OrgStreamStatus {
  const [status, setStatus] = useState<OrgStreamStatus>("connecting");
  useEffect(() => {
    if (!enabled) return;
    const params = new URLSearchParams({ orgId, backlog: String(BACKLOG) });
    const source = new EventSource(`/api/events/org?${params}`);
    source.onopen = () => setStatus("live");
    source.addEventListener("org-event", (message) => {
      setStatus("live");
      store.ingest(String(message.data));
    });
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "failed" : "reconnecting");
    return () => source.close();
  }, [orgId, store, enabled]);
  return status;
}
