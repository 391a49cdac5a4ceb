import { Ban, CircleCheck, CircleDashed, CircleX, Clock, LoaderCircle, SkipForward } from "lucide-react";
import { formatCredits } from "@/components/format";
import { cn } from "@/components/ui/cn";
import type { NodeRunState } from "@/server/schemas/workflow-graph";
import type { NodeRunInfo } from "../lib/types";

export const RUN_STATE_LABEL: Record<NodeRunState, string> = {
  pending: "Pending",
  running: "Running",
  waiting: "Waiting",
  succeeded: "Succeeded",
  failed: "Failed",
  skipped: "Skipped",
  canceled: "Canceled",
};

/** The coloured ring around a node in a run. */
export const RUN_RING: Record<NodeRunState, string> = {
  pending: "ring-2 ring-border",
  running: "ring-2 ring-primary animate-pulse",
  waiting: "ring-2 ring-warning",
  succeeded: "ring-2 ring-success",
  failed: "ring-2 ring-destructive",
  skipped: "outline-2 outline-dashed outline-muted-foreground/40",
  canceled: "ring-2 ring-muted-foreground/40",
};

const PILL: Record<NodeRunState, string> = {
  pending: "text-muted-foreground",
  running: "text-primary",
  waiting: "text-warning-foreground dark:text-warning",
  succeeded: "text-success",
  failed: "text-destructive",
  skipped: "text-muted-foreground",
  canceled: "text-muted-foreground",
};

const ICON = {
  pending: CircleDashed,
  running: LoaderCircle,
  waiting: Clock,
  succeeded: CircleCheck,
  failed: CircleX,
  skipped: SkipForward,
  canceled: Ban,
} satisfies Record<NodeRunState, unknown>;

/** The ring (its own layer, so "running" pulses without fading the text) and the state pill with the cost. */
export function RunStatus({ run, className }: { run: NodeRunInfo; className?: string }) {
  const Icon = ICON[run.state];
  return (
    <>
      <span
        aria-hidden
        className={cn("pointer-events-none absolute -inset-1 rounded-[inherit]", RUN_RING[run.state])}
      />
      <span
        data-testid="node-run-state"
        data-state={run.state}
        className={cn(
          "absolute -top-3 right-3 inline-flex items-center gap-1 rounded-full border border-border bg-card",
          "px-2 py-0.5",
          "text-[11px] leading-none font-medium shadow-xs",
          PILL[run.state],
          className,
        )}
      >
        <Icon aria-hidden className={cn("size-3", run.state === "running" && "animate-spin")} />
        {RUN_STATE_LABEL[run.state]}
        {run.costCredits !== undefined ? (
          <span className="text-muted-foreground tabular-nums">· {formatCredits(run.costCredits)} cr</span>
        ) : null}
      </span>
    </>
  );
}
