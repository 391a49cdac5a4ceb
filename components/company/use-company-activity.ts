"use client";

import { useRef, useState } from "react";
import { useOrgEvents, useThrottled, type OrgEventsStatus } from "@/components/workflow-runs/use-org-events";
import { COMPANY_EVENT_TYPES, departmentsOf, toActivity, type ActivityItem } from "./company-events";

/** Newest events kept per department. */
const KEEP = 5;
/** Figures are re-read at most this often while events arrive. */
const REFETCH_THROTTLE_MS = 2_000;

/**
 * The company pages' live side, from the org's event log (the console's
 * stream): every task, budget, approval, department or position event
 * re-reads the page's figures (throttled), and the events that can be placed
 * (see departmentsOf) become each department's recent activity. Task events
 * carry no department id, so a task shows up only once the page knows it
 * (its runs list) or a task event names the department; the figures still
 * move, through the re-read.
 */
export function useCompanyActivity(opts: {
  orgId: string;
  positions: ReadonlyMap<string, string>;
  /** Tasks the page lists, with their department. */
  tasks?: ReadonlyMap<string, string>;
  refetch: () => void;
}): { status: OrgEventsStatus; activity: ReadonlyMap<string, ActivityItem[]> } {
  const [activity, setActivity] = useState<ReadonlyMap<string, ActivityItem[]>>(new Map());
  const learned = useRef(new Map<string, string>());
  const refetchSoon = useThrottled(opts.refetch, REFETCH_THROTTLE_MS);
  const status = useOrgEvents({
    orgId: opts.orgId,
    types: COMPANY_EVENT_TYPES,
    enabled: COMPANY_EVENT_TYPES.length > 0,
    onOpen: refetchSoon,
    onEvent: (event) => {
      refetchSoon();
      const tasks = learned.current;
      for (const [task, department] of opts.tasks ?? []) if (!tasks.has(task)) tasks.set(task, department);
      const departments = departmentsOf(event, { positions: opts.positions, tasks });
      if (departments.length === 0) return;
      const item = toActivity(event);
      setActivity((previous) => {
        const next = new Map(previous);
        for (const department of departments) {
          const items = next.get(department) ?? [];
          if (!items.some((i) => i.id === item.id)) next.set(department, [item, ...items].slice(0, KEEP));
        }
        return next;
      });
    },
  });
  return { status, activity };
}
