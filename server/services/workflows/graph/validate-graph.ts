import "server-only";
import type { WorkflowGraph } from "../../../schemas/workflow-graph";
import type { GraphIssue } from "./graph-issue";
import { structureIssues } from "./validate-structure";
import { indexGraph } from "./graph-index";
import { configIssues, type ValidationContext } from "./validate-config";
import { cycleIssues, reachabilityIssues } from "./validate-flow";
import { referenceIssues } from "./validate-references";

export type { GraphIssue } from "./graph-issue";
export type { ListingInfo, ValidationContext } from "./validate-config";

/**
 * Everything live validation says about a graph, errors first, then in
 * canvas order. Pure: the caller passes the listings and workflows the
 * graph may name. A graph with no error can be published and run; warnings
 * are advice.
 */
export function validateGraph(graph: WorkflowGraph, context: ValidationContext): GraphIssue[] {
  const index = indexGraph(graph);
  const issues = [
    ...structureIssues(graph, index),
    ...cycleIssues(graph, index),
    ...reachabilityIssues(index),
    ...configIssues(graph, index, context),
    ...referenceIssues(index),
  ];
  const order = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const rank = (issue: GraphIssue) => (issue.nodeId === undefined ? -1 : (order.get(issue.nodeId) ?? -1));
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        Number(a.issue.severity === "warning") - Number(b.issue.severity === "warning") ||
        rank(a.issue) - rank(b.issue) ||
        a.i - b.i,
    )
    .map(({ issue }) => issue);
}

/** Whether the issues allow publishing and running. */
export const hasErrors = (issues: GraphIssue[]) => issues.some((issue) => issue.severity === "error");
