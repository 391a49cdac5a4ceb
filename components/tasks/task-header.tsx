"use client";

import { ArrowLeft, Clock, Coins, Radio } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime, formatRelative } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import type { TaskState } from "@/server/schemas/enums";
import { chargeWording, formatDuration, isActiveState } from "./task-format";
import { TaskStateBadge } from "./task-state-badge";
import { isTestRun, TestRunBadge, viaDoor } from "./test-run-badge";
import type { StreamStatus } from "./use-task-stream";
import { useNow } from "./use-now";

export interface TaskHeaderData {
  state: TaskState;
  price: number;
  source: string;
  createdAt: Date;
  startedAt: Date | null;
  durationMs: number | null;
  agent: { slug: string; name: string; published: boolean };
}

const STREAM_LABEL: Record<StreamStatus, string | null> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  ended: null,
  failed: "Live updates stopped",
};

export function TaskHeader({
  task,
  stream,
  actions,
}: {
  task: TaskHeaderData;
  stream: StreamStatus;
  actions?: ReactNode;
}) {
  const active = isActiveState(task.state);
  const now = useNow(active);
  const elapsed = task.durationMs ?? Math.max(0, now - (task.startedAt ?? task.createdAt).getTime());
  const streamLabel = active ? STREAM_LABEL[stream] : null;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/tasks" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft className="size-4" aria-hidden />
            Runs
          </Link>
        }
        title={
          task.agent.published ? (
            <Link href={`/agents/${task.agent.slug}`} className="hover:underline">
              {task.agent.name}
            </Link>
          ) : (
            task.agent.name
          )
        }
        description={
          <>
            Started{" "}
            <time dateTime={task.createdAt.toISOString()} title={formatDateTime(task.createdAt)}>
              {formatRelative(task.createdAt)}
            </time>
            {viaDoor(task.source) ? ` via ${viaDoor(task.source)}` : ""}
          </>
        }
        actions={
          <>
            {streamLabel ? (
              <Badge
                variant={stream === "failed" ? "warning" : "outline"}
                data-testid="stream-status"
                data-status={stream}
              >
                <Radio aria-hidden />
                {streamLabel}
              </Badge>
            ) : null}
            {isTestRun(task.source) ? <TestRunBadge /> : null}
            <TaskStateBadge state={task.state} />
            {actions}
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Stat
          icon={<Coins />}
          label="Price"
          value={<span data-testid="task-charge">{chargeWording(task.state, task.price)}</span>}
          hint={
            task.price === 0
              ? "Nothing is held or charged"
              : active
                ? "Charged only if the agent completes"
                : task.state === "COMPLETED"
                  ? "Paid to the seller, platform fee included"
                  : "The hold went back to your balance"
          }
        />
        <Stat
          icon={<Clock />}
          label={active ? "Running for" : "Duration"}
          value={formatDuration(elapsed)}
          hint={active ? "Timed from when the agent picked it up" : "From pick-up to the final state"}
        />
      </div>
    </div>
  );
}
