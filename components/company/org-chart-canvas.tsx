"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import { useEffect, useMemo, useState, type CSSProperties } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import type { ActivityItem } from "./company-events";
import type { ChartDepartment } from "./company-types";
import { chartEdges, layoutChart, ORG_NODE_ID, type PlacedNode } from "./chart-layout";
import { DepartmentCard, onChart } from "./department-card";
import { OrgCard, type OrgFigures } from "./org-card";

type DepartmentNode = Node<{ department: ChartDepartment; activity?: ActivityItem[] }, "department">;
type OrgNode = Node<{ org: OrgFigures }, "org">;
type ChartNode = DepartmentNode | OrgNode;

const HIDDEN_HANDLE = "!size-1 !min-h-0 !min-w-0 !border-0 !bg-transparent";

function DepartmentNodeView({ data }: NodeProps<DepartmentNode>) {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} className={HIDDEN_HANDLE} />
      <DepartmentCard department={data.department} activity={data.activity} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={HIDDEN_HANDLE} />
    </>
  );
}

function OrgNodeView({ data }: NodeProps<OrgNode>) {
  return (
    <>
      <OrgCard org={data.org} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={HIDDEN_HANDLE} />
    </>
  );
}

const nodeTypes = { department: DepartmentNodeView, org: OrgNodeView };

/** xyflow's colours pointed at the app's tokens (as the workflow canvas does). */
const FLOW_THEME = {
  "--xy-background-color": "var(--color-background)",
  "--xy-background-pattern-dots-color": "color-mix(in oklab, var(--color-muted-foreground) 30%, transparent)",
  "--xy-controls-button-background-color": "var(--color-card)",
  "--xy-controls-button-background-color-hover": "var(--color-accent)",
  "--xy-controls-button-color": "var(--color-foreground)",
  "--xy-controls-button-color-hover": "var(--color-accent-foreground)",
  "--xy-controls-button-border-color": "var(--color-border)",
  "--xy-edge-stroke": "var(--color-border)",
  "--xy-attribution-background-color": "transparent",
} as CSSProperties;

/** The whole company in view (zoom in with the controls); a very wide one starts centred at half size. */
const FIT_VIEW = { padding: 0.04, maxZoom: 1, minZoom: 0.5 };

/** What the layout depends on: a new figure re-renders the cards, only a new shape re-runs ELK. */
const shapeOf = (departments: ChartDepartment[]) =>
  departments.map((d) => ({ id: d.id, parentId: d.parentId, staff: onChart(d.positions).length }));

function ChartFlow(props: {
  departments: ChartDepartment[];
  org: OrgFigures;
  activity: ReadonlyMap<string, ActivityItem[]>;
}) {
  const { fitView } = useReactFlow();
  const shapeKey = JSON.stringify(shapeOf(props.departments));
  const [placed, setPlaced] = useState<{ key: string; nodes: PlacedNode[] } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    layoutChart(JSON.parse(shapeKey) as ReturnType<typeof shapeOf>)
      .then((nodes) => {
        if (!live) return;
        setPlaced({ key: shapeKey, nodes });
        window.requestAnimationFrame(() => void fitView(FIT_VIEW));
      })
      .catch((error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [shapeKey, fitView]);

  const byId = useMemo(() => new Map(props.departments.map((d) => [d.id, d])), [props.departments]);
  const nodes = useMemo<ChartNode[]>(
    () =>
      (placed?.nodes ?? []).flatMap((n): ChartNode[] => {
        const common = { position: { x: n.x, y: n.y }, width: n.width, height: n.height, draggable: false };
        if (n.id === ORG_NODE_ID) return [{ ...common, id: n.id, type: "org", data: { org: props.org } }];
        const department = byId.get(n.id);
        return department
          ? [{ ...common, id: n.id, type: "department", data: { department, activity: props.activity.get(n.id) } }]
          : [];
      }),
    [placed, byId, props.org, props.activity],
  );
  const edges = useMemo<Edge[]>(
    () => chartEdges(shapeOf(props.departments)).map((e) => ({ ...e, type: "smoothstep", selectable: false })),
    [props.departments],
  );

  if (failed) {
    return <p className="p-6 text-sm text-destructive">The chart could not be laid out: {failed}. Use the list.</p>;
  }
  return (
    <>
      <ReactFlow<ChartNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        // The page scrolls past the chart; zoom with the controls, a pinch, or Ctrl and the wheel.
        zoomOnScroll={false}
        preventScrolling={false}
        minZoom={0.2}
        maxZoom={1.5}
        attributionPosition="top-right"
        style={FLOW_THEME}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1.2} />
        <Controls showInteractive={false} position="bottom-left" className="overflow-hidden rounded-lg shadow-xs" />
      </ReactFlow>
      {placed?.key !== shapeKey ? (
        <div className="pointer-events-none absolute inset-0 grid place-items-center bg-background/60">
          <Skeleton className="h-40 w-72" />
          <span className="sr-only">Laying out the chart…</span>
        </div>
      ) : null}
    </>
  );
}

/**
 * The org chart on @xyflow/react, read-only: the org on top, each department
 * a card, its teams below it, laid out by ELK (layered, top down). Pan by
 * dragging; fit, zoom in and out with the controls.
 */
export function OrgChartCanvas(props: {
  departments: ChartDepartment[];
  org: OrgFigures;
  activity: ReadonlyMap<string, ActivityItem[]>;
  className?: string;
}) {
  return (
    <div className={cn("relative min-h-0 overflow-hidden", props.className)} data-testid="org-chart-canvas">
      <ReactFlowProvider>
        <ChartFlow departments={props.departments} org={props.org} activity={props.activity} />
      </ReactFlowProvider>
    </div>
  );
}
