"use client";

import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ReviewForm } from "@/components/reviews/review-form";
import type { TaskEventView } from "@/server/services/tasks/task-event-view";
import type { TaskState } from "@/server/generated/prisma/enums";
import { CancelTaskButton } from "./cancel-task-button";
import { latestState, mergeEvents } from "./merge-events";
import { TaskArtifacts, type ArtifactView } from "./task-artifacts";
import { isActiveState } from "./task-format";
import { TaskHeader, type TaskHeaderData } from "./task-header";
import { TaskReplyForm } from "./task-reply-form";
import { TaskTimeline } from "./task-timeline";
import { useTaskStream } from "./use-task-stream";

export interface TaskRunData extends TaskHeaderData {
  id: string;
  statusMessage: string | null;
  cancelRequested: boolean;
  artifacts: ArtifactView[];
  events: TaskEventView[];
  canReview: boolean;
  review: { rating: number; text: string; sellerReply: string | null; updatedAt: Date } | null;
}

/**
 * One task, live: the timeline grows from the SSE stream while the task is
 * active; each status or artifact event also refetches tasks.get (state,
 * artifacts' merged content), and the stream's end does a final refetch so
 * the page settles on the server's view.
 */
export function TaskRun({ task, refetch }: { task: TaskRunData; refetch: () => void }) {
  const { org } = useOrg();
  const [live, setLive] = useState<TaskEventView[]>([]);
  // Fixed at mount: the stream starts after what the first load already had.
  const [streamAfter] = useState(() => task.events.at(-1)?.id ?? null);
  const events = mergeEvents(task.events, live);
  const latest = latestState(events);
  // Between an event and the refetch, the event log is the fresher source.
  const state: TaskState = isActiveState(task.state) && latest ? latest.state : task.state;
  const active = isActiveState(state);
  const stream = useTaskStream({
    orgId: org.id,
    taskId: task.id,
    afterId: streamAfter,
    enabled: isActiveState(task.state),
    onEvent: (event) => {
      setLive((seen) => [...seen, event]);
      if (event.kind !== "message") refetch();
    },
    onEnd: refetch,
  });
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
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="results-heading" className="min-w-0 space-y-4">
          <h2 id="results-heading" className="text-base font-semibold">
            Results
          </h2>
          <TaskArtifacts artifacts={task.artifacts} running={active} />
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
  );
}
