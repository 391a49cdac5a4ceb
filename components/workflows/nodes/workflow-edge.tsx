"use client";

import { BaseEdge, getSmoothStepPath, type EdgeProps, type EdgeTypes } from "@xyflow/react";
import { memo } from "react";
import type { FlowEdge } from "../lib/graph-to-flow";

type Tone = "default" | "selected" | "error" | "warning" | "true" | "false";

const STROKE: Record<Tone, string> = {
  default: "var(--color-muted-foreground)",
  selected: "var(--color-primary)",
  error: "var(--color-destructive)",
  warning: "var(--color-warning)",
  true: "var(--color-success)",
  false: "var(--color-destructive)",
};

function toneOf(edge: Pick<EdgeProps<FlowEdge>, "selected" | "data">): Tone {
  if (edge.selected) return "selected";
  if (edge.data?.issue) return edge.data.issue;
  return edge.data?.branch ?? "default";
}

/** A rounded orthogonal edge, coloured by issues and by branch (the condition's handles carry the labels). */
function WorkflowEdgeView(props: EdgeProps<FlowEdge>) {
  const [path] = getSmoothStepPath({ ...props, borderRadius: 10 });
  const tone = toneOf(props);
  return (
    <BaseEdge
      id={props.id}
      path={path}
      markerEnd={`url(#wf-arrow-${tone})`}
      interactionWidth={18}
      style={{
        stroke: STROKE[tone],
        strokeWidth: props.selected ? 2.25 : 1.5,
        opacity: tone === "default" ? 0.6 : 1,
      }}
    />
  );
}

export const edgeTypes = { workflow: memo(WorkflowEdgeView) } satisfies EdgeTypes;

/** Arrowheads per tone; markers resolve by id across the document, so one hidden SVG serves every edge. */
export function EdgeMarkers() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute">
      <defs>
        {(Object.keys(STROKE) as Tone[]).map((tone) => (
          <marker
            key={tone}
            id={`wf-arrow-${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={STROKE[tone]} opacity={tone === "default" ? 0.6 : 1} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
