"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { parseOrgEventData, type OrgEventView } from "@/server/schemas/org-events";
import { isActiveRun } from "./run-format";
import { applyRunEvent, concernsRun } from "./run-events";
import type { RunDetail } from "./run-types";
import { useOrgEvents, useThrottled, type OrgEventsStatus } from "./use-org-events";

/** Events refetch the run at most this often (leading and trailing). */
const REFETCH_THROTTLE_MS = 1_000;
/** Only while the stream is down: the run is re-read this often instead. */
const FALLBACK_POLL_MS = 5_000;
/** Run and step changes, the approvals it waits on, and the tasks its agent steps start. */
const TYPES = "workflow_run.,workflow_step.,approval.,task.created";

/**
 * One run, live. The page shows the last workflows.runs.get answer with
 * every event that arrived since that read began folded in (applyRunEvent),
 * so a node turns the moment its event lands and a slower refetch can never
 * paint an older state over it. Each event also asks for a throttled refetch
 * (outputs, errors and approvals come from it). Polling happens only while
 * the stream is down.
 */
export function useLiveRun(orgId: string, runId: string) {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.workflows.runs.get.queryOptions({ orgId, runId }),
    retry: (count, error) => error.data?.code !== "NOT_FOUND" && count < 1,
    // The stream says when to re-read; a focus refetch would only race it.
    refetchOnWindowFocus: false,
  });
  const [events, setEvents] = useState<{ event: OrgEventView; at: number }[]>([]);
  const refetchRef = useRef(query.refetch);
  useEffect(() => {
    refetchRef.current = query.refetch;
  });

  const refetchNow = useCallback(async () => {
    const started = Date.now();
    const result = await refetchRef.current();
    // What arrived before this read began is in its answer (an event is streamed only after it committed).
    if (!result.error) setEvents((list) => list.filter((e) => e.at > started));
  }, []);
  const refetchSoon = useThrottled(() => void refetchNow(), REFETCH_THROTTLE_MS);

  const data = query.data;
  const run: RunDetail | undefined = useMemo(
    () => (data ? events.reduce((current, e) => applyRunEvent(current, e.event), data) : undefined),
    [data, events],
  );

  const waitingForTask = useRef(false);
  useEffect(() => {
    waitingForTask.current = Boolean(run?.steps.some((s) => s.state === "RUNNING" && !s.taskId));
  }, [run]);
  const status: OrgEventsStatus = useOrgEvents({
    orgId,
    types: TYPES,
    onOpen: refetchSoon,
    onEvent: (event) => {
      if (concernsRun(runId, event)) {
        if (event.subject.type === "workflow_run") setEvents((list) => [...list, { event, at: Date.now() }]);
        refetchSoon();
      } else if (event.type === "task.created" && waitingForTask.current) {
        // An agent step links its task without an event of its own: a workflow task starting is the cue.
        const parsed = parseOrgEventData("task.created", event.data);
        if (parsed.success && parsed.data.source === "WORKFLOW") refetchSoon();
      }
    },
  });

  const active = run ? isActiveRun(run.state) : false;
  const streamDown = status !== "live";
  useEffect(() => {
    if (!active || !streamDown) return;
    const timer = setInterval(() => void refetchNow(), FALLBACK_POLL_MS);
    return () => clearInterval(timer);
  }, [active, streamDown, refetchNow]);

  return { query, run, status, refetch: refetchNow };
}
