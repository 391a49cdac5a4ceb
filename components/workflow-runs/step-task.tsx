"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { latestState, mergeEvents } from "@/components/tasks/merge-events";
import { chargeWording, isActiveState } from "@/components/tasks/task-format";
import { TaskStateBadge } from "@/components/tasks/task-state-badge";
import { TaskTimeline } from "@/components/tasks/task-timeline";
import { useTaskStream } from "@/components/tasks/use-task-stream";
import { Skeleton } from "@/components/ui/skeleton";
import type { TaskEventView } from "@/server/schemas/task-event-view";

/**
 * An agent step's task: its state, its charge and the task page's own
 * timeline, following the task's live stream while it runs (the same
 * stream and merge as the task page), with the way to the full task page.
 */
export function StepTask({ orgId, taskId }: { orgId: string; taskId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.tasks.get.queryOptions({ orgId, taskId }));
  return (
    <QueryState
      isPending={query.isPending}
      error={query.error}
      onRetry={() => void query.refetch()}
      skeleton={<Skeleton className="h-32" />}
    >
      {() => <LiveTask key={query.data!.id} orgId={orgId} task={query.data!} refetch={() => void query.refetch()} />}
    </QueryState>
  );
}

function LiveTask(props: {
  orgId: string;
  task: {
    id: string;
    state: Parameters<typeof isActiveState>[0];
    price: number;
    agent: { name: string };
    events: TaskEventView[];
  };
  refetch: () => void;
}) {
  const { task } = props;
  const [live, setLive] = useState<TaskEventView[]>([]);
  // Fixed at mount: the stream starts after what the first load already had.
  const [after] = useState(() => task.events.at(-1)?.id ?? null);
  useTaskStream({
    orgId: props.orgId,
    taskId: task.id,
    afterId: after,
    enabled: isActiveState(task.state),
    onEvent: (event) => setLive((seen) => [...seen, event]),
    onEnd: props.refetch,
  });
  const events = mergeEvents(task.events, live);
  const latest = latestState(events);
  // Between an event and the refetch at the end, the event log is the fresher source.
  const state = isActiveState(task.state) && latest ? latest.state : task.state;
  return (
    <div className="grid gap-3" data-testid="step-task">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <span className="truncate text-sm font-medium">{task.agent.name}</span>
          <TaskStateBadge state={state} />
        </div>
        <span className="text-xs text-muted-foreground">{chargeWording(state, task.price)}</span>
      </div>
      {events.length ? (
        // Room on the left for the timeline's dots, which hang outside its line.
        <div className="pl-3">
          <TaskTimeline events={events} agentName={task.agent.name} />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">No events yet.</p>
      )}
      <Link
        href={`/tasks/${task.id}`}
        className="inline-flex w-fit items-center gap-1 text-sm text-primary hover:underline"
        data-testid="step-task-link"
      >
        Open the task page <ExternalLink aria-hidden className="size-3.5" />
      </Link>
    </div>
  );
}
