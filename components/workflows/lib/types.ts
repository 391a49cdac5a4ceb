import type { NodeRunState, WorkflowNode, WorkflowNodeType } from "@/server/schemas/workflow-graph";

/**
 * What the graph validation reports, as the canvas shows it. Mirrors the
 * shape of the server's validation result; kept here as a plain type so the
 * browser never imports the validator (it is server code).
 */
export type GraphIssue = {
  /** Stable machine code, e.g. "cycle", "missing_config", "unknown_step". */
  code: string;
  severity: "error" | "warning";
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Every node involved, when there are several (the steps of a cycle); each gets the badge. */
  nodeIds?: string[];
  /** The config field the issue is about: "template", "expression", "items" (a "config." prefix is accepted). */
  field?: string;
  /**
   * Where in that field's text: the validator's { line, column, offset }
   * (line and column from 1, offset from 0, in UTF-16 units), or a bare offset.
   */
  position?: number | { line: number; column: number; offset?: number };
};

/** A node's state in a run, and what it cost so far. */
export type NodeRunInfo = { state: NodeRunState; costCredits?: number };
export type NodeStates = Record<string, NodeRunInfo>;

/** The pickers' options; the canvas uses them for summaries and new nodes' defaults. */
export type ListingOption = { slug: string; name: string; priceCredits: number };
export type MemberOption = { id: string; name: string };
export type WorkflowOption = { id: string; name: string };

export type PriceEstimate = { minCredits: number; maxCredits: number };

/** What the node components read from a flow node's `data`. */
export type StepNodeData = {
  node: WorkflowNode;
  summary: string;
  issues: GraphIssue[];
  run: NodeRunInfo | null;
  /** Loop groups only: how many nodes its body holds. */
  bodyCount: number;
};

export type { WorkflowNodeType };
