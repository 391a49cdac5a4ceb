"use client";

import type { NodeProps } from "@xyflow/react";
import { MousePointerClick } from "lucide-react";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import { LOOP_HEADER } from "../lib/geometry";
import type { FlowNode } from "../lib/graph-to-flow";
import { IssueBadges } from "./issue-badges";
import { NodeHandle, Position } from "./node-handle";
import { NODE_LOOK } from "./node-look";
import { RunStatus } from "./run-status";

/**
 * A loop is a group: its body nodes are xyflow children (`parentId`) drawn
 * inside its box, which the mapping sizes around them. Edges into and out of
 * the loop meet the box itself.
 */
function LoopNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node, summary, issues, run, bodyCount } = data;
  const { icon: Icon, tint } = NODE_LOOK.loop;
  const hasError = issues.some((i) => i.severity === "error");
  return (
    <div
      data-testid="workflow-node"
      data-node-id={node.id}
      data-node-type="loop"
      className={cn(
        "relative size-full rounded-2xl border-2 border-dashed bg-muted/40 transition-[border-color,box-shadow]",
        hasError ? "border-destructive/60" : "border-muted-foreground/30",
        selected && "border-primary ring-3 ring-primary/15",
      )}
    >
      <NodeHandle type="target" position={Position.Left} />
      <div className="flex items-center gap-3 px-3" style={{ height: LOOP_HEADER - 8 }}>
        <span className={cn("flex size-9 shrink-0 items-center justify-center rounded-lg bg-card shadow-xs", tint)}>
          <Icon aria-hidden className="size-4.5" />
        </span>
        <span className="grid min-w-0 flex-1 gap-0.5">
          <span className="flex min-w-0 items-center gap-1.5">
            <span className="truncate text-sm font-semibold">{node.name}</span>
            <span className="truncate font-mono text-[10.5px] text-muted-foreground/80">{node.id}</span>
            <IssueBadges issues={issues} className="ml-auto" />
          </span>
          <span className="truncate text-xs text-muted-foreground" title={summary}>
            {summary}
          </span>
        </span>
      </div>
      {bodyCount === 0 ? (
        <div
          className={cn(
            "pointer-events-none absolute inset-x-6 bottom-6 flex items-center justify-center gap-2 rounded-lg",
            "border border-dashed border-border text-xs text-muted-foreground",
          )}
          style={{ top: LOOP_HEADER }}
        >
          <MousePointerClick aria-hidden className="size-4" />
          Drag steps in here to run them for each item
        </div>
      ) : null}
      <NodeHandle type="source" position={Position.Right} />
      {run ? <RunStatus run={run} /> : null}
    </div>
  );
}

export const LoopNode = memo(LoopNodeView);
