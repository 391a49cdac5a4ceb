"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { creditCount, plural } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { useOrgEvents, useThrottled } from "@/components/workflow-runs/use-org-events";
import type { TaskState } from "@/server/schemas/enums";
import { isActiveState } from "./task-format";
import type { TaskTreeView } from "@/server/trpc/routers/tasks/get-task-tree.types";
import { concernsTree, TaskTreeRow, treeRows, type TreeRow } from "./task-tree-rows";
import { useNow } from "./use-now";

/** Events re-read the tree at most this often; while the org stream is down, it is polled this often. */
const REFETCH_THROTTLE_MS = 1_000;
const FALLBACK_POLL_MS = 3_000;
const TYPES = "task.created,task.state_changed,task.settled,credits.";

/**
 * The tree the task belongs to: who asked whom (a seller's agent delegating
 * with its grant, a department's manager routing or planning), each task's
 * agent, state, cost and timing, and the tree's total. Live while any task
 * of it is active: the org's event stream says when one of its tasks (or a
 * new child of one) changed, and the tree is re-read; polled while the
 * stream is down. A task alone (no parent, no children) shows no panel.
 */
export function TaskTreePanel({ orgId, taskId, state }: { orgId: string; taskId: string; state: TaskState }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.tasks.tree.queryOptions({ orgId, taskId }), refetchOnWindowFocus: false });
  const data = query.data;
  const rows = useMemo(() => (data ? treeRows(data.nodes) : []), [data]);
  const ids = useMemo(() => new Set(rows.map((r) => r.node.id)), [rows]);
  const active = rows.some((r) => isActiveState(r.node.state)) || isActiveState(state);
  const now = useNow(active);
  const refetchRef = useRef(query.refetch);
  useEffect(() => {
    refetchRef.current = query.refetch;
  });
  const refetchSoon = useThrottled(() => void refetchRef.current(), REFETCH_THROTTLE_MS);
  // The page's own stream moved this task on: its node (and its children, starting or settling) follow.
  useEffect(() => refetchSoon(), [state, refetchSoon]);
  const stream = useOrgEvents({
    orgId,
    types: TYPES,
    enabled: active,
    onOpen: refetchSoon,
    onEvent: (event) => {
      if (concernsTree(ids, event)) refetchSoon();
    },
  });
  const streamDown = active && stream !== "live";
  useEffect(() => {
    if (!streamDown) return;
    const timer = setInterval(() => void refetchRef.current(), FALLBACK_POLL_MS);
    return () => clearInterval(timer);
  }, [streamDown]);

  if (!data || data.nodeCount < 2) return null;
  return <TaskTreeCard tree={data} rows={rows} taskId={taskId} now={now} />;
}

/** The panel itself: the tree's rows, the current task marked, and the total. */
export function TaskTreeCard({
  tree,
  rows,
  taskId,
  now,
}: {
  tree: TaskTreeView;
  rows: TreeRow[];
  taskId: string;
  now: number;
}) {
  return (
    <Card className="h-fit" data-testid="task-tree">
      <CardHeader>
        <CardTitle>Task tree</CardTitle>
        <CardDescription>
          {plural(tree.nodeCount, { one: "task", other: "tasks" })}, {creditCount(tree.totalCostCredits)} held or
          charged in total
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul aria-label="Tasks in this tree" className="-my-2">
          {rows.map((row) => (
            <TaskTreeRow key={row.node.id} row={row} current={row.node.id === taskId} now={now} />
          ))}
        </ul>
        {tree.truncated ? (
          <p className="mt-2 text-xs text-muted-foreground">
            Showing the first {rows.length} tasks of {tree.nodeCount}; the total counts them all.
          </p>
        ) : null}
        <p className="mt-3 flex justify-between border-t pt-3 text-sm font-medium" data-testid="task-tree-total">
          <span>Total</span>
          <span>{creditCount(tree.totalCostCredits)}</span>
        </p>
      </CardContent>
    </Card>
  );
}
