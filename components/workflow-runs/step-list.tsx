"use client";

import { ChevronRight } from "lucide-react";
import { formatCredits } from "@/components/format";
import { formatDuration } from "@/components/tasks/task-format";
import { NODE_CATALOG } from "@/components/workflows/lib/node-catalog";
import type { NodeStates } from "@/components/workflows/lib/types";
import { NODE_LOOK } from "@/components/workflows/nodes/node-look";
import { cn } from "@/components/ui/cn";
import type { WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { elapsedMs } from "./run-format";
import { StepStateBadge } from "./run-state-badge";
import type { StepView } from "./run-types";

/** Left to right as on the canvas, a loop's body right after the loop. */
export function orderedNodes(graph: WorkflowGraph): { node: WorkflowNode; depth: number }[] {
  const byPosition = (a: WorkflowNode, b: WorkflowNode) => a.position.x - b.position.x || a.position.y - b.position.y;
  const out: { node: WorkflowNode; depth: number }[] = [];
  const visit = (parentId: string | undefined, depth: number) => {
    for (const node of graph.nodes.filter((n) => n.parentId === parentId).sort(byPosition)) {
      out.push({ node, depth });
      if (node.type === "loop") visit(node.id, depth + 1);
    }
  };
  visit(undefined, 0);
  return out;
}

/** How long a node took: from its first element's start to its last element's end. */
function nodeDuration(rows: StepView[], now: number): number | null {
  const starts = rows.flatMap((r) => (r.startedAt ? [r.startedAt.getTime()] : []));
  if (!starts.length) return null;
  const open = rows.some((r) => r.startedAt && !r.finishedAt);
  const ends = rows.flatMap((r) => (r.finishedAt ? [r.finishedAt.getTime()] : []));
  return elapsedMs(new Date(Math.min(...starts)), open ? null : new Date(Math.max(...ends)), now);
}

/**
 * Every step of the run as a list: the canvas's content for screen readers
 * and narrow screens, where it is easier to read than a pannable graph.
 */
export function StepList(props: {
  graph: WorkflowGraph;
  steps: readonly StepView[];
  nodeStates: NodeStates;
  selectedId: string | null;
  onSelect: (nodeId: string) => void;
  now: number;
}) {
  return (
    <ol className="grid divide-y divide-border" data-testid="step-list">
      {orderedNodes(props.graph).map(({ node, depth }) => {
        const info = props.nodeStates[node.id];
        const rows = props.steps.filter((s) => s.nodeId === node.id);
        const duration = nodeDuration(rows, props.now);
        const { icon: Icon, tint } = NODE_LOOK[node.type];
        return (
          <li key={node.id}>
            <button
              type="button"
              onClick={() => props.onSelect(node.id)}
              aria-current={props.selectedId === node.id ? "true" : undefined}
              data-testid="step-row"
              data-node-id={node.id}
              data-state={info?.state}
              className={cn(
                "flex w-full items-center gap-3 px-2 py-2.5 text-left transition-colors hover:bg-muted/50",
                "focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                props.selectedId === node.id && "bg-accent",
              )}
              style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}
            >
              <span className={cn("flex size-8 shrink-0 items-center justify-center rounded-md", tint)}>
                <Icon aria-hidden className="size-4" />
              </span>
              <span className="grid min-w-0 flex-1 gap-0.5">
                <span className="truncate text-sm font-medium">{node.name}</span>
                <span className="truncate text-xs text-muted-foreground">
                  {NODE_CATALOG[node.type].label}
                  {rows.length > 1 ? ` · ${rows.length} elements` : ""}
                  {duration !== null ? ` · ${formatDuration(duration)}` : ""}
                  {info?.costCredits !== undefined ? ` · ${formatCredits(info.costCredits)} cr` : ""}
                </span>
              </span>
              {info ? <StepStateBadge state={info.state} /> : null}
              <ChevronRight aria-hidden className="size-4 shrink-0 text-muted-foreground" />
            </button>
          </li>
        );
      })}
    </ol>
  );
}
