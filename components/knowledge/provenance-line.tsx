import Link from "next/link";
import { formatDateTime, formatRelative } from "@/components/format";
import { SOURCE_LABELS, formatConfidence, provenanceActor } from "./knowledge-format";
import type { Provenance } from "./knowledge-types";

/** Where a fact came from: how, by whom, through which task and agent, and when. */
export function ProvenanceLine({ provenance, confidence }: { provenance: Provenance; confidence?: number }) {
  return (
    <p
      className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-muted-foreground"
      data-testid="provenance"
    >
      <span>
        {SOURCE_LABELS[provenance.source]} by{" "}
        <span className="font-medium text-foreground">{provenanceActor(provenance)}</span>
      </span>
      {provenance.taskId ? (
        <>
          <span aria-hidden>·</span>
          <Link href={`/tasks/${provenance.taskId}`} className="text-primary hover:underline">
            from a task
          </Link>
        </>
      ) : null}
      {provenance.workflowRunId ? (
        <>
          <span aria-hidden>·</span>
          <Link href={`/workflows/runs/${provenance.workflowRunId}`} className="text-primary hover:underline">
            in a workflow run
          </Link>
        </>
      ) : null}
      <span aria-hidden>·</span>
      <time dateTime={provenance.at.toISOString()} title={formatDateTime(provenance.at)}>
        {formatRelative(provenance.at)}
      </time>
      {confidence !== undefined && confidence < 1 ? (
        <>
          <span aria-hidden>·</span>
          <span title="How sure the writer was">{formatConfidence(confidence)} sure</span>
        </>
      ) : null}
    </p>
  );
}
