"use client";

import "@xyflow/react/dist/style.css";
import {
  Background,
  BackgroundVariant,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import { useRouter } from "next/navigation";
import { useMemo, type CSSProperties } from "react";
import { cn } from "@/components/ui/cn";
import { radialLayout } from "./graph-layout";
import type { Neighbourhood } from "./knowledge-types";

type EntityNode = Node<{ name: string; type: string; facts: number; centre: boolean; scoped: boolean }, "entity">;

const HIDDEN_HANDLE = "!size-1 !min-h-0 !min-w-0 !border-0 !bg-transparent";

function EntityNodeView({ data }: NodeProps<EntityNode>) {
  return (
    <div
      className={cn(
        "grid w-44 cursor-pointer gap-0.5 rounded-lg border bg-card px-3 py-2 text-left shadow-sm",
        "transition-colors hover:border-primary",
        data.centre && "border-primary ring-2 ring-primary/30",
      )}
      data-testid="graph-node"
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className={HIDDEN_HANDLE} />
      <span className="truncate text-sm font-medium text-foreground" title={data.name}>
        {data.name}
      </span>
      <span className="truncate text-xs text-muted-foreground">
        {data.type}
        {data.scoped ? " · department" : ""} · {data.facts} {data.facts === 1 ? "fact" : "facts"}
      </span>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={HIDDEN_HANDLE} />
    </div>
  );
}

const nodeTypes = { entity: EntityNodeView };

/** xyflow's colours pointed at the app's tokens (as the other canvases do). */
const FLOW_THEME = {
  "--xy-background-color": "var(--color-background)",
  "--xy-background-pattern-dots-color": "color-mix(in oklab, var(--color-muted-foreground) 30%, transparent)",
  "--xy-controls-button-background-color": "var(--color-card)",
  "--xy-controls-button-background-color-hover": "var(--color-accent)",
  "--xy-controls-button-color": "var(--color-foreground)",
  "--xy-controls-button-color-hover": "var(--color-accent-foreground)",
  "--xy-controls-button-border-color": "var(--color-border)",
  "--xy-edge-stroke": "var(--color-muted-foreground)",
  "--xy-edge-label-background-color": "var(--color-background)",
  "--xy-edge-label-color": "var(--color-muted-foreground)",
  "--xy-attribution-background-color": "transparent",
} as CSSProperties;

/**
 * The neighbourhood as a graph (@xyflow/react): pan by dragging, zoom with
 * the wheel or the controls; a node opens its entity. Directed, labelled
 * edges; the centre is outlined. Under 640 px the page shows GraphList.
 */
export function GraphExplorer({ graph, className }: { graph: Neighbourhood; className?: string }) {
  const router = useRouter();
  const { nodes, edges } = useMemo(() => {
    const placed = radialLayout(graph.centreId, graph.nodes, graph.edges);
    const nodes: EntityNode[] = graph.nodes.map((n) => {
      const at = placed.get(n.id) ?? { x: 0, y: 0 };
      return {
        id: n.id,
        type: "entity",
        // Positions are of the card's centre; xyflow places by the top-left corner.
        position: { x: at.x - 88, y: at.y - 26 },
        data: {
          name: n.name,
          type: n.type,
          facts: n.observationCount,
          centre: n.id === graph.centreId,
          scoped: n.departmentId !== null,
        },
        draggable: true,
        connectable: false,
      };
    });
    const edges: Edge[] = graph.edges.map((e) => ({
      id: e.id,
      source: e.fromId,
      target: e.toId,
      label: e.type.replace(/_/g, " "),
      type: "straight",
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      labelBgPadding: [4, 2] as [number, number],
      labelStyle: { fontSize: 11 },
    }));
    return { nodes, edges };
  }, [graph]);

  return (
    <div className={cn("w-full", className)} style={FLOW_THEME} data-testid="graph-explorer">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1.1, minZoom: 0.55 }}
        minZoom={0.2}
        maxZoom={2}
        nodesConnectable={false}
        elementsSelectable
        onNodeClick={(_, node) => {
          if (node.id !== graph.centreId) router.push(`/knowledge/${node.id}`);
        }}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
