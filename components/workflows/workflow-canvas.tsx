"use client";

import "@xyflow/react/dist/style.css";
import { ReactFlowProvider } from "@xyflow/react";
import type { ReactNode } from "react";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { CanvasFlow } from "./canvas-flow";
import type { GraphIssue, ListingOption, NodeStates, PriceEstimate, WorkflowOption } from "./lib/types";

export type WorkflowCanvasProps = {
  graph: WorkflowGraph;
  /** Every edit: moves, adds, connections, deletes, pastes, layout, undo and redo. */
  onChange: (graph: WorkflowGraph) => void;
  /** The graph validation's findings: badges on nodes, red or amber edges, counts in the header. */
  issues?: GraphIssue[];
  /** A published version or a run: look, select and copy, but change nothing. */
  readOnly?: boolean;
  /** A run's node states: a coloured ring per state and each node's cost; the header shows the total. */
  nodeStates?: NodeStates;
  /** A click on a node (the run page opens its task timeline). */
  onNodeClick?: (nodeId: string) => void;
  /** Price of one run, from the listed prices. */
  estimate?: PriceEstimate;
  /** Agent listings and workflows: names in node summaries, and the defaults of new agent and sub-workflow steps. */
  listings?: ListingOption[];
  workflows?: WorkflowOption[];
  /** Selected node ids, when the caller keeps them (the editor does, for the inspector); otherwise the canvas does. */
  selectedNodeIds?: string[];
  onSelectionChange?: (nodeIds: string[]) => void;
  /** The page's own actions at the right of the header strip (save state, publish). */
  headerEnd?: ReactNode;
  className?: string;
};

/**
 * The workflow builder's canvas on @xyflow/react, controlled by `graph`:
 * a node component per type (loops as groups holding their body), a palette
 * to drag or click steps in, auto-layout, undo/redo, copy/paste and
 * keyboard shortcuts, a mini-map and zoom controls.
 */
export function WorkflowCanvas(props: WorkflowCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasFlow {...props} />
    </ReactFlowProvider>
  );
}
