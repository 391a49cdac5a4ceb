"use client";

import { useEffect, useRef, useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ReviewForm } from "@/components/reviews/review-form";
import type { TaskEventView } from "@/server/schemas/task-event-view";
import type { TaskState } from "@/server/schemas/enums";
import { CancelTaskButton } from "./cancel-task-button";
import { assembleArtifacts, latestState, mergeEvents, type ArtifactView } from "./merge-events";
import { TaskArtifacts } from "./task-artifacts";
import { isActiveState } from "./task-format";
import { TaskHeader, type TaskHeaderData } from "./task-header";
import { TaskReplyForm } from "./task-reply-form";
import { TaskTimeline } from "./task-timeline";
import { TaskTreePanel } from "./task-tree";
import { RequestPlanPanel } from "@/components/requests/request-plan";
import { useTaskStream } from "./use-task-stream";

export interface TaskRunData extends TaskHeaderData {
  id: string;
  kind: "AGENT" | "MANAGER";
  statusMessage: string | null;
  cancelRequested: boolean;
  artifacts: ArtifactView[];
  events: TaskEventView[];
  canReview: boolean;
  review: { rating: number; text: string; sellerReply: string | null; updatedAt: Date } | null;
}

/** While the live stream is not delivering, the page polls tasks.get this often instead. */
const FALLBACK_POLL_MS = 3_000;

/**
 * One task, live: the timeline and the results both grow from the SSE
 * stream while the task is active (artifact chunks are folded into the
 * artifacts as they arrive, the way the server stores them). tasks.get is
 * refetched when the task changes state (times, charge) and once at the end,
 * so the page settles on the server's view; while the stream is down
 * (connecting, reconnecting, failed) it is polled instead.
 */
export function TaskRun({ task, refetch }: { task: TaskRunData; refetch: () => void }) {
  const { org } = useOrg();
  const [live, setLive] = useState<TaskEventView[]>([]);
  // Fixed at mount: the stream starts after what the first load already had.
  const [streamAfter] = useState(() => task.events.at(-1)?.id ?? null);
  // A page opened on an active task has every event from the start: the
  // first load, then everything after it from the stream.
  const [followed] = useState(() => isActiveState(task.state));
  const events = mergeEvents(task.events, live);
  const latest = latestState(events);
  // Between an event and the refetch, the event log is the fresher source.
  const state: TaskState = isActiveState(task.state) && latest ? latest.state : task.state;
  const active = isActiveState(state);
  // The state the stream last reported; progress within a state needs no refetch.
  const streamedState = useRef<TaskState>(state);
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  });
  const stream = useTaskStream({
    orgId: org.id,
    taskId: task.id,
    afterId: streamAfter,
    enabled: isActiveState(task.state),
    onEvent: (event) => {
      setLive((seen) => [...seen, event]);
      if (event.kind === "status" && event.data.state !== streamedState.current) {
        streamedState.current = event.data.state;
        refetch();
      }
    },
    onEnd: refetch,
  });
  const artifacts = followed && stream !== "failed" ? assembleArtifacts(events) : task.artifacts;
  const streamDown = active && (stream === "connecting" || stream === "reconnecting" || stream === "failed");
  useEffect(() => {
    if (!streamDown) return;
    const timer = setInterval(() => refetchRef.current(), FALLBACK_POLL_MS);
    return () => clearInterval(timer);
  }, [streamDown]);
  const canAct = org.role !== "viewer";

  return (
    <div className="space-y-6">
      <TaskHeader
        task={{ ...task, state }}
        stream={stream}
        actions={
          active && canAct ? (
            <CancelTaskButton
              orgId={org.id}
              taskId={task.id}
              price={task.price}
              requested={task.cancelRequested}
              onCanceled={refetch}
            />
          ) : null
        }
      />
      {state === "INPUT_REQUIRED" ? (
        <TaskReplyForm
          orgId={org.id}
          taskId={task.id}
          agentName={task.agent.name}
          question={latest?.text ?? task.statusMessage ?? "The agent needs more information."}
          canReply={canAct}
          onReplied={refetch}
        />
      ) : null}
      {task.kind === "MANAGER" ? <RequestPlanPanel orgId={org.id} taskId={task.id} state={state} /> : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <h2 id="results-heading" className="text-base font-semibold">
            Results
          </h2>
          <TaskArtifacts artifacts={artifacts} running={active} taskId={task.id} />
          {state === "COMPLETED" && task.canReview ? (
            <ReviewForm
              key={task.review?.updatedAt.toISOString() ?? "new"}
              orgId={org.id}
              agentSlug={task.agent.slug}
              agentName={task.agent.name}
              existing={task.review}
              canWrite={canAct}
              onSaved={refetch}
            />
          ) : null}
        </section>
        <div className="min-w-0 space-y-6">
          <TaskTreePanel orgId={org.id} taskId={task.id} state={state} />
          <Card className="h-fit">
            <CardHeader>
              <CardTitle>Timeline</CardTitle>
            </CardHeader>
            <CardContent>
              <TaskTimeline events={events} agentName={task.agent.name} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
