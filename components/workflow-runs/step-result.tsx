"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { approversSentence, deadlineSentence } from "@/components/approvals/approval-format";
import { formatDateTime } from "@/components/format";
import { MarkdownText } from "@/components/tasks/markdown-text";
import { Button } from "@/components/ui/button";
import type { WorkflowNode } from "@/server/schemas/workflow-graph";
import type { RunDetail, StepView } from "./run-types";

/** Text and JSON results can be long: they scroll inside their box, never widen the panel. */
export function ResultBox({ children, label }: { children: ReactNode; label: string }) {
  return (
    <section className="grid min-w-0 gap-1.5">
      <h3 className="text-sm font-semibold">{label}</h3>
      <div className="max-h-72 min-w-0 overflow-auto rounded-lg border border-border bg-muted/30 p-3 text-sm">
        {children}
      </div>
    </section>
  );
}

export const JsonText = ({ value }: { value: unknown }) => (
  <pre className="font-mono text-xs break-words whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
);

const record = (data: unknown): Record<string, unknown> | null =>
  data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : null;

const text = (value: unknown): string | null => (typeof value === "string" && value ? value : null);

/** What a step produced, in the terms of its type (a branch taken, a decision, a reply, a sub-run). */
export function StepResult(props: { run: RunDetail; node: WorkflowNode; row: StepView; members: Map<string, string> }) {
  const { run, node, row, members } = props;
  const data = record(row.data);
  switch (node.type) {
    case "trigger":
      return (
        <ResultBox label="Run input">
          <JsonText value={run.input} />
        </ResultBox>
      );
    case "condition":
      if (typeof row.data !== "boolean") return null;
      return (
        <p className="text-sm">
          The expression was <span className="font-semibold">{String(row.data)}</span>: the {String(row.data)} branch
          ran.
        </p>
      );
    case "approval":
      return <ApprovalResult run={run} row={row} data={data} members={members} />;
    case "delay":
      return text(data?.until) ? (
        <p className="text-sm">Waits until {formatDateTime(new Date(text(data?.until)!))}.</p>
      ) : null;
    case "subworkflow": {
      const child = text(data?.childRunId);
      return (
        <>
          {child ? (
            <Link href={`/workflows/runs/${child}`} className="text-sm text-primary hover:underline">
              Open the sub-workflow&apos;s run
            </Link>
          ) : null}
          <OutputBoxes row={row} />
        </>
      );
    }
    case "loop":
    case "join":
    case "parallel":
      return null;
    default:
      return <OutputBoxes row={row} markdown={node.type === "agent"} />;
  }
}

function OutputBoxes({ row, markdown = false }: { row: StepView; markdown?: boolean }) {
  const hasData = row.data !== null && row.data !== undefined && record(row.data)?.firstAttempt === undefined;
  if (!row.output && !hasData) return null;
  return (
    <>
      {row.output ? (
        <ResultBox label="Output">
          {markdown ? <MarkdownText text={row.output} /> : <p className="whitespace-pre-wrap">{row.output}</p>}
        </ResultBox>
      ) : null}
      {hasData ? (
        <ResultBox label="Data">
          <JsonText value={row.data} />
        </ResultBox>
      ) : null}
    </>
  );
}

function ApprovalResult(props: {
  run: RunDetail;
  row: StepView;
  data: Record<string, unknown> | null;
  members: Map<string, string>;
}) {
  const { row, data, members } = props;
  const pending = props.run.pendingApprovals.find((a) => a.stepRunId === row.id);
  if (pending) {
    return (
      <div className="grid gap-3" data-testid="step-approval">
        <ResultBox label="What the approvers read">
          <MarkdownText text={pending.subject.text || "(empty)"} />
        </ResultBox>
        <p className="text-sm text-muted-foreground">
          {approversSentence(pending, members)}. {deadlineSentence(pending)}
        </p>
        <Button asChild size="sm" className="w-fit">
          <Link href="/approvals">Decide in the approvals inbox</Link>
        </Button>
      </div>
    );
  }
  const decision = text(data?.decision);
  if (!decision) return null;
  const by = text(data?.decidedById);
  const comment = text(data?.comment);
  return (
    <div className="grid gap-1 text-sm" data-testid="step-approval">
      <p>
        <span className="font-semibold">{decision === "approved" ? "Approved" : "Rejected"}</span>
        {data?.timedOut === true ? " on timeout (nobody decided by the deadline)" : ""}
        {by ? ` by ${members.get(by) ?? "a former member"}` : ""}
        {text(data?.decidedAt) ? ` on ${formatDateTime(new Date(text(data?.decidedAt)!))}` : ""}.
      </p>
      {comment ? <blockquote className="border-l-2 border-border pl-3 text-foreground/80">{comment}</blockquote> : null}
    </div>
  );
}
