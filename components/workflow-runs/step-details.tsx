"use client";

import { useState } from "react";
import { formatCredits, formatDateTime } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { formatDuration } from "@/components/tasks/task-format";
import { NODE_CATALOG } from "@/components/workflows/lib/node-catalog";
import type { NodeStates } from "@/components/workflows/lib/types";
import { NODE_LOOK } from "@/components/workflows/nodes/node-look";
import { RUN_STATE_LABEL } from "@/components/workflows/nodes/run-status";
import { cn } from "@/components/ui/cn";
import type { WorkflowNode } from "@/server/schemas/workflow-graph";
import { LoopElements } from "./loop-elements";
import { RetryRunButton } from "./run-actions";
import { toNodeState } from "./node-states";
import { elapsedMs, errorLocation } from "./run-format";
import { StepStateBadge } from "./run-state-badge";
import type { RunDetail, StepView } from "./run-types";
import { StepResult } from "./step-result";
import { StepTask } from "./step-task";

/** The row to show first among a node's elements: trouble, then work in progress, then the newest. */
function defaultRow(rows: StepView[]): StepView | null {
  return (
    rows.find((r) => r.state === "FAILED") ??
    rows.find((r) => r.state === "RUNNING" || r.state === "WAITING") ??
    rows.at(-1) ??
    null
  );
}

/** A step's title block: icon, name, type and its state on the canvas. */
export function StepTitle({ node, nodeStates }: { node: WorkflowNode; nodeStates: NodeStates }) {
  const { icon: Icon, tint } = NODE_LOOK[node.type];
  const info = nodeStates[node.id];
  return (
    <div className="flex min-w-0 items-start gap-3">
      <span className={cn("flex size-9 shrink-0 items-center justify-center rounded-lg", tint)}>
        <Icon aria-hidden className="size-4.5" />
      </span>
      <div className="grid min-w-0 gap-1">
        <span className="truncate font-semibold">{node.name}</span>
        <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
          {NODE_CATALOG[node.type].label} · <span className="font-mono">{node.id}</span>
          {info ? <StepStateBadge state={info.state} /> : null}
        </span>
      </div>
    </div>
  );
}

/**
 * What one node did in this run: for a loop body node, its elements (pick
 * one); for the chosen row, attempts, times, cost, the error with its place,
 * the result, the task timeline of an agent step and the approval of an
 * approval step.
 */
export function StepDetails(props: {
  run: RunDetail;
  node: WorkflowNode;
  members: Map<string, string>;
  now: number;
  /** After a retry from the step's error: re-read the run. */
  refetch: () => void;
}) {
  const { run, node } = props;
  const { org } = useOrg();
  const rows = run.steps.filter((s) => s.nodeId === node.id);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const row = rows.find((r) => r.iterationKey === chosenKey) ?? defaultRow(rows);
  const nodeName = (id: string) => run.graph.nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <div className="grid gap-5" data-testid="step-details" data-node-id={node.id}>
      {rows.length > 1 || (rows[0] && rows[0].iterationKey !== "") ? (
        <section className="grid gap-2" aria-label="Elements">
          <h3 className="text-xs font-medium text-muted-foreground">
            Runs once per element of its loop: {rows.length} so far
          </h3>
          <div className="flex flex-wrap gap-1.5">
            {rows.map((r) => (
              <button
                key={r.id}
                type="button"
                onClick={() => setChosenKey(r.iterationKey)}
                aria-pressed={r === row}
                className={cn(
                  "rounded-md border px-2 py-1 text-xs tabular-nums transition-colors hover:bg-accent",
                  r === row ? "border-primary bg-accent" : "border-border",
                )}
              >
                #{r.iterationKey} · {RUN_STATE_LABEL[toNodeState(r.state)]}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      {node.type === "loop" ? (
        <LoopElements graph={run.graph} steps={run.steps} loopRows={rows} runState={run.state} />
      ) : null}
      {row ? (
        <>
          <StepFacts row={row} node={node} now={props.now} />
          {row.error ? (
            <div
              className="rounded-lg border border-destructive/30 bg-destructive/5 p-3 text-sm"
              data-testid="step-error"
            >
              <p className="font-medium text-destructive">
                Failed{errorLocation(row.error, nodeName) ? ` ${errorLocation(row.error, nodeName)}` : ""}
              </p>
              <p className="mt-1 break-words whitespace-pre-line text-foreground/80">{row.error.message}</p>
              {row.state === "FAILED" && run.state === "FAILED" && org.role !== "viewer" ? (
                <div className="mt-3">
                  <RetryRunButton orgId={org.id} run={run} onDone={props.refetch} size="sm" />
                </div>
              ) : null}
            </div>
          ) : null}
          <StepResult run={run} node={node} row={row} members={props.members} />
          {node.type === "agent" ? (
            <section className="grid gap-2">
              <h3 className="text-sm font-semibold">Task timeline</h3>
              {row.taskId ? (
                <StepTask key={row.taskId} orgId={org.id} taskId={row.taskId} />
              ) : (
                <p className="text-sm text-muted-foreground">
                  {row.state === "PENDING" ? "The task starts when this step's turn comes." : "No task was started."}
                </p>
              )}
            </section>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">This step has not run yet.</p>
      )}
    </div>
  );
}

function StepFacts({ row, node, now }: { row: StepView; node: WorkflowNode; now: number }) {
  const duration = elapsedMs(row.startedAt, row.finishedAt, now);
  const maxAttempts = node.type === "agent" ? node.config.retry.maxAttempts : null;
  // Approvals, delays and sub-workflows wait rather than run: they have an end but no start of their own.
  const facts: [string, string][] = row.startedAt
    ? [
        ["Started", formatDateTime(row.startedAt)],
        ["Took", duration === null ? "—" : formatDuration(duration)],
      ]
    : row.finishedAt
      ? [["Ended", formatDateTime(row.finishedAt)]]
      : [["Started", row.state === "PENDING" ? "Not yet" : "Waiting"]];
  if (node.type === "agent" || node.type === "subworkflow")
    facts.push(["Cost", `${formatCredits(row.costCredits)} cr${row.state === "RUNNING" ? " (held)" : ""}`]);
  if (maxAttempts !== null && row.attempt > 0) facts.push(["Attempt", `${row.attempt} of ${maxAttempts}`]);
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
