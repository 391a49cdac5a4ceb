"use client";

import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { cn } from "@/components/ui/cn";
import type { FlowNode } from "../lib/graph-to-flow";
import { IssueBadges } from "./issue-badges";
import { NodeHandle, Position } from "./node-handle";
import { NODE_LOOK } from "./node-look";
import { RunStatus } from "./run-status";

/**
 * Every node type but the loop: icon, name, one line of config, its id (how
 * templates name it), issue badges and, in a run, the state ring and cost.
 * A condition leaves by two handles, true above false; a trigger has no way
 * in and an output no way out.
 */
function StepNodeView({ data, selected }: NodeProps<FlowNode>) {
  const { node, summary, issues, run } = data;
  const { icon: Icon, tint } = NODE_LOOK[node.type];
  const hasError = issues.some((i) => i.severity === "error");
  return (
    <div
      data-testid="workflow-node"
      data-node-id={node.id}
      data-node-type={node.type}
      className={cn(
        "relative flex size-full items-center gap-3 rounded-xl border bg-card px-3 text-card-foreground shadow-xs",
        "transition-[border-color,box-shadow]",
        hasError ? "border-destructive/60" : "border-border",
        selected && "border-primary shadow-md ring-3 ring-primary/20",
        run?.state === "skipped" && "opacity-60",
      )}
    >
      {node.type !== "trigger" ? <NodeHandle type="target" position={Position.Left} /> : null}
      <span className={cn("flex size-9 shrink-0 items-center justify-center rounded-lg", tint)}>
        <Icon aria-hidden className="size-4.5" />
      </span>
      <span className={cn("grid min-w-0 flex-1 gap-0.5", node.type === "condition" && "pr-9")}>
        <span className="flex min-w-0 items-center gap-1.5">
          <span className="truncate text-sm leading-5 font-semibold">{node.name}</span>
          <IssueBadges issues={issues} className="ml-auto" />
        </span>
        <span className="truncate text-xs text-muted-foreground" title={summary}>
          {summary}
        </span>
        <span className="truncate font-mono text-[10.5px] leading-4 text-muted-foreground/80">{node.id}</span>
      </span>
      {node.type === "condition" ? (
        <>
          <BranchHandle branch="true" top="30%" />
          <BranchHandle branch="false" top="70%" />
        </>
      ) : node.type !== "output" ? (
        <NodeHandle type="source" position={Position.Right} />
      ) : null}
      {run ? <RunStatus run={run} /> : null}
    </div>
  );
}

function BranchHandle({ branch, top }: { branch: "true" | "false"; top: string }) {
  return (
    <>
      <span
        className={cn(
          "absolute right-2.5 -translate-y-1/2 text-[10px] font-semibold tracking-wide uppercase",
          branch === "true" ? "text-success" : "text-destructive",
        )}
        style={{ top }}
      >
        {branch}
      </span>
      <NodeHandle
        type="source"
        id={branch}
        position={Position.Right}
        style={{ top }}
        aria-label={`${branch} branch`}
        className={branch === "true" ? "bg-success!" : "bg-destructive!"}
      />
    </>
  );
}

export const StepNode = memo(StepNodeView);
