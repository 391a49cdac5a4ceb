"use client";

import type { EdgeChange, NodeChange } from "@xyflow/react";
import { useCallback, useMemo, useState } from "react";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import type { XY } from "./lib/geometry";
import type { Selection } from "./use-selection";
import { graphToFlow, type FlowDecorations, type FlowEdge, type FlowNode } from "./lib/graph-to-flow";

type Dimensions = { width: number; height: number };

/**
 * xyflow's nodes and edges, derived from the graph on every render rather
 * than kept in a second copy that could drift from it. Only what xyflow owns
 * lives here: measured sizes (it needs them back to keep handle positions),
 * positions mid-drag (committed to the graph when the drag ends), and
 * selection (the caller's, so the inspector and shortcuts read the same set).
 */
export function useFlowElements(opts: {
  graph: WorkflowGraph;
  decorations: FlowDecorations;
  selection: Selection;
  updateSelection: (change: (s: Selection) => Selection) => void;
}) {
  const { graph, decorations, selection, updateSelection } = opts;
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());
  const [dragging, setDragging] = useState<ReadonlyMap<string, XY> | null>(null);

  const base = useMemo(() => graphToFlow(graph, decorations, selection), [graph, decorations, selection]);
  const nodes = useMemo(
    () =>
      base.nodes.map((n): FlowNode => {
        const size = measured.get(n.id);
        const position = dragging?.get(n.id);
        return size || position ? { ...n, measured: size, position: position ?? n.position } : n;
      }),
    [base.nodes, measured, dragging],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const picks: [string, boolean][] = [];
      const sizes: [string, Dimensions][] = [];
      const moves: [string, XY][] = [];
      for (const c of changes) {
        if (c.type === "select") picks.push([c.id, c.selected]);
        else if (c.type === "dimensions" && c.dimensions) sizes.push([c.id, c.dimensions]);
        else if (c.type === "position" && c.position && c.dragging) moves.push([c.id, c.position]);
      }
      if (picks.length) updateSelection((s) => ({ ...s, nodes: toggled(s.nodes, picks) }));
      if (sizes.length) setMeasured((prev) => new Map([...prev, ...sizes]));
      if (moves.length) setDragging((prev) => new Map([...(prev ?? []), ...moves]));
    },
    [updateSelection],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const picks = changes.flatMap((c): [string, boolean][] => (c.type === "select" ? [[c.id, c.selected]] : []));
      if (picks.length) updateSelection((s) => ({ ...s, edges: toggled(s.edges, picks) }));
    },
    [updateSelection],
  );

  /** Ends a drag: the caller commits the positions; the overlay goes with the same render. */
  const endDrag = useCallback(() => setDragging(null), []);

  return { nodes, edges: base.edges, onNodesChange, onEdgesChange, endDrag };
}

function toggled(set: ReadonlySet<string>, picks: [string, boolean][]): Set<string> {
  const next = new Set(set);
  for (const [id, on] of picks) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
