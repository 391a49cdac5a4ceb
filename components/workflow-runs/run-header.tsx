"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { formatDateTime, formatRelative } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { PageHeader } from "@/components/ui/page-header";
import { CancelRunButton, RetryRunButton } from "./run-actions";
import { isActiveRun, runTitle, shortId, TRIGGER_LABEL } from "./run-format";
import { RunStateBadge } from "./run-state-badge";
import type { RunDetail } from "./run-types";
import type { OrgEventsStatus } from "./use-org-events";

const STREAM_LABEL: Record<OrgEventsStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  failed: "Not live: refreshing every few seconds",
};

/** Whether the page is following the run live (only while it can still change). */
function StreamStatus({ status }: { status: OrgEventsStatus }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="run-stream-status">
      <span
        aria-hidden
        className={
          status === "live" ? "size-2 animate-pulse rounded-full bg-success" : "size-2 rounded-full bg-warning"
        }
      />
      {STREAM_LABEL[status]}
    </span>
  );
}

export function RunHeader({ run, status, refetch }: { run: RunDetail; status: OrgEventsStatus; refetch: () => void }) {
  const { org } = useOrg();
  const canAct = org.role !== "viewer";
  const active = isActiveRun(run.state);
  const started = run.startedAt ?? run.createdAt;
  return (
    <PageHeader
      eyebrow={
        <nav aria-label="Breadcrumb" className="flex min-w-0 flex-wrap items-center gap-1">
          <Link href="/workflows/runs" className="hover:text-foreground hover:underline">
            Workflow runs
          </Link>
          {run.workflowId ? (
            <>
              <ChevronRight aria-hidden className="size-3.5" />
              <Link
                href={`/workflows/runs?workflow=${run.workflowId}`}
                className="truncate hover:text-foreground hover:underline"
              >
                {run.workflowName ?? "This workflow"}
              </Link>
            </>
          ) : null}
        </nav>
      }
      title={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {runTitle(run)}
          <RunStateBadge state={run.state} />
        </span>
      }
      description={
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span>
            Run <span className="font-mono">{shortId(run.id)}</span>
            {run.versionNumber !== null ? ` of version ${run.versionNumber}` : ""} · {TRIGGER_LABEL[run.trigger]}{" "}
            trigger · started{" "}
            <time dateTime={started.toISOString()} title={formatDateTime(started)}>
              {formatRelative(started)}
            </time>
            {run.generation > 1 ? ` · retry ${run.generation - 1}` : ""}
          </span>
          {active ? <StreamStatus status={status} /> : null}
        </span>
      }
      actions={
        <>
          {run.parentRunId ? (
            <Link href={`/workflows/runs/${run.parentRunId}`} className="text-sm text-primary hover:underline">
              Parent run
            </Link>
          ) : null}
          {run.workflowId ? (
            <Link href={`/workflows/${run.workflowId}`} className="px-2 text-sm text-primary hover:underline">
              Open workflow
            </Link>
          ) : null}
          {canAct && active && !run.cancelRequestedAt ? (
            <CancelRunButton orgId={org.id} run={run} onDone={refetch} />
          ) : null}
          {canAct && run.state === "FAILED" ? <RetryRunButton orgId={org.id} run={run} onDone={refetch} /> : null}
        </>
      }
    />
  );
}
