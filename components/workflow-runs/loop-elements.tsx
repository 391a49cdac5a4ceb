import { formatCredits } from "@/components/format";
import { RUN_STATE_LABEL } from "@/components/workflows/nodes/run-status";
import { cn } from "@/components/ui/cn";
import type { NodeRunState, WorkflowGraph } from "@/server/schemas/workflow-graph";
import { loopElements } from "./node-states";
import type { RunState, StepView } from "./run-types";

/** One tile colour per state, the canvas's palette. */
const TILE: Record<NodeRunState, string> = {
  pending: "border-border bg-background text-muted-foreground",
  running: "border-primary/50 bg-primary/10 text-primary",
  waiting: "border-warning/50 bg-warning/15 text-warning-foreground dark:text-warning",
  succeeded: "border-success/40 bg-success/10 text-success",
  failed: "border-destructive/40 bg-destructive/10 text-destructive",
  skipped: "border-dashed border-border text-muted-foreground",
  canceled: "border-border bg-muted text-muted-foreground",
};

/** A loop's elements as tiles, each the state its body reached for that element. */
export function LoopElements(props: {
  graph: WorkflowGraph;
  steps: readonly StepView[];
  loopRows: StepView[];
  runState: RunState;
}) {
  if (props.loopRows.length === 0) return <p className="text-sm text-muted-foreground">The loop has not started.</p>;
  return (
    <div className="grid gap-4" data-testid="loop-elements">
      {props.loopRows.map((row) => {
        const elements = loopElements(props.graph, props.steps, row, props.runState);
        const done = elements.filter((e) => e.state === "succeeded").length;
        return (
          <section key={row.id} className="grid gap-2">
            <h3 className="text-sm font-semibold">
              {row.iterationKey ? `Element ${row.iterationKey} of the outer loop: ` : ""}
              {elements.length === 0
                ? "No elements yet"
                : `${done} of ${elements.length} element${elements.length === 1 ? "" : "s"} done`}
            </h3>
            <ol className="grid grid-cols-[repeat(auto-fill,minmax(5.5rem,1fr))] gap-1.5">
              {elements.map((e) => (
                <li
                  key={e.key}
                  data-testid="loop-element"
                  data-state={e.state}
                  className={cn("grid gap-0.5 rounded-md border px-2 py-1.5 text-xs", TILE[e.state])}
                >
                  <span className="font-medium tabular-nums">#{e.index}</span>
                  <span>{RUN_STATE_LABEL[e.state]}</span>
                  {e.costCredits > 0 ? (
                    <span className="text-muted-foreground tabular-nums">{formatCredits(e.costCredits)} cr</span>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
