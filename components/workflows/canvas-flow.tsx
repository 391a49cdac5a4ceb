"use client";

import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from "@xyflow/react";
import { useMemo, useRef, useState, type CSSProperties } from "react";
import { cn } from "@/components/ui/cn";
import { CanvasHeader } from "./canvas-header";
import { CanvasEmpty } from "./canvas-empty";
import { connect, connectionError } from "./lib/graph-edit";
import type { FlowEdge, FlowNode } from "./lib/graph-to-flow";
import { countBySeverity } from "./lib/issues";
import { PaletteColumn, PaletteSheet } from "./palette-panels";
import { nodeTypes } from "./nodes/node-types";
import { EdgeMarkers, edgeTypes } from "./nodes/workflow-edge";
import { useCanvasActions } from "./use-canvas-actions";
import { useFlowElements } from "./use-flow-elements";
import { usePaletteDrop } from "./use-palette-drop";
import type { WorkflowCanvasProps } from "./workflow-canvas";

/** xyflow's own colours pointed at the app's tokens, so light and dark follow the theme. */
const FLOW_THEME = {
  "--xy-background-color": "var(--color-background)",
  "--xy-background-pattern-dots-color": "color-mix(in oklab, var(--color-muted-foreground) 35%, transparent)",
  "--xy-minimap-background-color": "var(--color-card)",
  "--xy-minimap-mask-background-color": "color-mix(in oklab, var(--color-muted) 70%, transparent)",
  "--xy-minimap-node-background-color": "var(--color-muted-foreground)",
  "--xy-controls-button-background-color": "var(--color-card)",
  "--xy-controls-button-background-color-hover": "var(--color-accent)",
  "--xy-controls-button-color": "var(--color-foreground)",
  "--xy-controls-button-color-hover": "var(--color-accent-foreground)",
  "--xy-controls-button-border-color": "var(--color-border)",
  "--xy-connectionline-stroke": "var(--color-primary)",
  "--xy-selection-background-color": "color-mix(in oklab, var(--color-primary) 8%, transparent)",
  "--xy-selection-border": "1px dashed var(--color-primary)",
  "--xy-attribution-background-color": "transparent",
} as CSSProperties;

/** Fit the whole graph, but never shrink it past legible; a wide graph then starts centred. */
const FIT_VIEW = { padding: 0.15, maxZoom: 1, minZoom: 0.7 };
const NO_ISSUES: NonNullable<WorkflowCanvasProps["issues"]> = [];

export function CanvasFlow(props: WorkflowCanvasProps) {
  const { graph, issues = NO_ISSUES, readOnly = false, nodeStates, listings, workflows } = props;
  const root = useRef<HTMLDivElement>(null);
  // Fit only a graph that has nodes when the canvas opens; fitting the first node dropped on an empty one jumps.
  const [fitOnMount] = useState(graph.nodes.length > 0);
  const pane = useRef<HTMLDivElement>(null);
  const { fitView } = useReactFlow();
  const actions = useCanvasActions(props, root, () =>
    window.setTimeout(() => void fitView({ ...FIT_VIEW, duration: 300 }), 50),
  );
  const decorations = useMemo(
    () => ({ issues, nodeStates, readOnly, listings, workflows }),
    [issues, nodeStates, readOnly, listings, workflows],
  );
  const flow = useFlowElements({
    graph,
    decorations,
    selection: actions.selection,
    updateSelection: actions.updateSelection,
  });
  const drop = usePaletteDrop(pane, actions.occupied, actions.add);
  const counts = useMemo(() => countBySeverity(issues), [issues]);
  const spent = useMemo(
    () => (nodeStates ? Object.values(nodeStates).reduce((sum, s) => sum + (s.costCredits ?? 0), 0) : null),
    [nodeStates],
  );

  return (
    <div
      ref={root}
      className={cn("@container/canvas flex min-h-0 flex-col overflow-hidden bg-background", props.className)}
    >
      <CanvasHeader
        readOnly={readOnly}
        history={actions.history}
        onLayout={actions.layout}
        layingOut={actions.layingOut}
        budgetCap={graph.budgetCapCredits}
        onBudgetCap={actions.setBudgetCap}
        estimate={props.estimate}
        spent={spent}
        issues={counts}
        start={readOnly ? null : <PaletteSheet defaults={actions.defaults} onAdd={drop.addAtCenter} />}
        end={props.headerEnd}
      />
      <div className="flex min-h-0 flex-1">
        {readOnly ? null : <PaletteColumn defaults={actions.defaults} onAdd={drop.addAtCenter} />}
        <div ref={pane} className="relative min-w-0 flex-1" data-testid="workflow-canvas">
          <EdgeMarkers />
          <ReactFlow<FlowNode, FlowEdge>
            nodes={flow.nodes}
            edges={flow.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={flow.onNodesChange}
            onEdgesChange={flow.onEdgesChange}
            onConnect={(c) => {
              const next = connect(graph, c);
              if (next) actions.history.commit(next);
            }}
            isValidConnection={(c) => connectionError(graph, c) === null}
            onNodeDragStop={(_e, _node, dragged) => {
              flow.endDrag();
              actions.move(dragged);
            }}
            onNodeClick={(_e, node) => props.onNodeClick?.(node.id)}
            onDragOver={readOnly ? undefined : drop.onDragOver}
            onDrop={readOnly ? undefined : drop.onDrop}
            deleteKeyCode={null}
            selectionKeyCode="Shift"
            multiSelectionKeyCode={["Meta", "Control"]}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            snapToGrid
            snapGrid={[8, 8]}
            fitView={fitOnMount}
            fitViewOptions={FIT_VIEW}
            minZoom={0.2}
            maxZoom={1.75}
            attributionPosition="top-right"
            style={FLOW_THEME}
          >
            <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
            <Controls showInteractive={false} position="bottom-left" className="overflow-hidden rounded-lg shadow-xs" />
            <MiniMap
              pannable
              zoomable
              position="bottom-right"
              className="overflow-hidden rounded-lg border border-border shadow-xs @max-xl/canvas:hidden"
              nodeBorderRadius={8}
              ariaLabel="Mini-map of the workflow"
              style={{ width: 168, height: 112 }}
            />
          </ReactFlow>
          {graph.nodes.length === 0 ? <CanvasEmpty readOnly={readOnly} /> : null}
        </div>
      </div>
    </div>
  );
}
