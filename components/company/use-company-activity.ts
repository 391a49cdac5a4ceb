"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import { FeedStore } from "@/components/console/feed-store";
import { useOrgEventStream, type OrgStreamStatus } from "@/components/console/use-org-event-stream";
import { useThrottled } from "@/components/workflow-runs/use-org-events";
import { departmentsOf, isCompanyEvent, toActivity, type ActivityItem } from "./company-events";

/** Newest events kept per department. */
const KEEP = 5;
/** Events held in memory: the stream's backlog (the newest 200 on opening) and what follows. */
const HELD = 1_000;
/** Figures are re-read at most this often while events arrive. */
const REFETCH_THROTTLE_MS = 2_000;

/**
 * The company pages' live side, from the org's event log through the
 * console's stream and buffer (which replays the newest events first, so a
 * card shows what happened lately, not only since the page opened). Every
 * task, budget, approval, department or position event re-reads the page's
 * figures (throttled); those that can be placed (departmentsOf) become each
 * department's recent activity. Task events carry no department id: a task
 * shows up only where the page knows it (a department's runs list); the
 * chart's figures still move, through the re-read.
 */
export function useCompanyActivity(opts: {
  orgId: string;
  positions: ReadonlyMap<string, string>;
  /** Tasks the page lists, with their department. */
  tasks?: ReadonlyMap<string, string>;
  refetch: () => void;
}): { status: OrgStreamStatus; activity: ReadonlyMap<string, ActivityItem[]> } {
  const store = useMemo(() => new FeedStore(HELD), []);
  useEffect(() => () => store.dispose(), [store]);
  const status = useOrgEventStream(opts.orgId, store);
  const refetchSoon = useThrottled(opts.refetch, REFETCH_THROTTLE_MS);
  useEffect(
    () => store.onBatch((batch) => (batch.some(isCompanyEvent) ? refetchSoon() : undefined)),
    [store, refetchSoon],
  );
  const events = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const { positions, tasks } = opts;

  const activity = useMemo(() => {
    const known = { positions, tasks: new Map(tasks) };
    const byDepartment = new Map<string, ActivityItem[]>();
    // Oldest first, so a task event naming its department places that task's later events.
    for (let i = events.length - 1; i >= 0; i--) {
      const event = events[i]!;
      if (!isCompanyEvent(event)) continue;
      for (const department of departmentsOf(event, known)) {
        byDepartment.set(department, [toActivity(event), ...(byDepartment.get(department) ?? [])].slice(0, KEEP));
      }
    }
    return byDepartment;
  }, [events, positions, tasks]);
  return { status, activity };
}
