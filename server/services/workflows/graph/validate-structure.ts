import "server-only";
import type { WorkflowGraph } from "../../../schemas/workflow-graph";
import { label, type GraphIssue } from "./graph-issue";
import type { GraphIndex } from "./graph-index";

/** Whether following parentId from the node comes back to it (loops placed inside each other). */
function onParentCycle(index: GraphIndex, nodeId: string): boolean {
  let id = index.nodes.get(nodeId)?.parentId;
  for (let hops = 0; id && hops <= index.nodes.size; hops++) {
    if (id === nodeId) return true;
    id = index.nodes.get(id)?.parentId;
  }
  return false;
}

/** Ids, edges, triggers, loop bodies: the shape rules that do not depend on what a node does. */
export function structureIssues(graph: WorkflowGraph, index: GraphIndex): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const seenNodes = new Set<string>();
  for (const node of graph.nodes) {
    if (seenNodes.has(node.id)) {
      issues.push({
        code: "duplicate_node_id",
        severity: "error",
        nodeId: node.id,
        field: "id",
        message: `Two steps have the id "${node.id}"; give each step its own id.`,
      });
    }
    seenNodes.add(node.id);
  }
  const seenEdges = new Set<string>();
  for (const edge of graph.edges) {
    if (seenEdges.has(edge.id)) {
      issues.push({
        code: "duplicate_edge_id",
        severity: "error",
        edgeId: edge.id,
        message: `Two connections have the id "${edge.id}".`,
      });
    }
    seenEdges.add(edge.id);
    for (const end of ["source", "target"] as const) {
      if (!index.nodes.has(edge[end])) {
        issues.push({
          code: "edge_unknown_node",
          severity: "error",
          edgeId: edge.id,
          field: end,
          message:
            `A connection ${end === "source" ? "starts at" : "leads to"} "${edge[end]}", ` +
            `which is not a step of this workflow.`,
        });
      }
    }
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    if (source && target && source.parentId !== target.parentId) {
      const loopId = target.parentId ?? source.parentId!;
      issues.push({
        code: "edge_crosses_loop",
        severity: "error",
        edgeId: edge.id,
        nodeId: target.id,
        message:
          `The connection from ${label(source)} to ${label(target)} crosses the border of the loop ` +
          `${label(index.nodes.get(loopId), loopId)}: steps inside a loop connect only to each other, ` +
          `and the loop connects to the steps outside.`,
      });
    }
    if (target?.type === "trigger" && source) {
      issues.push({
        code: "trigger_has_input",
        severity: "error",
        edgeId: edge.id,
        nodeId: target.id,
        message: `The trigger ${label(target)} starts the run, so nothing can lead into it.`,
      });
    }
  }
  const triggers = [...index.nodes.values()].filter((n) => n.type === "trigger");
  if (triggers.length === 0) {
    issues.push({
      code: "no_trigger",
      severity: "error",
      message: "Add a trigger (manual, schedule, webhook or API) so the workflow can start.",
    });
  }
  for (const node of index.nodes.values()) {
    if (!node.parentId) continue;
    const parent = index.nodes.get(node.parentId);
    if (!parent) {
      issues.push({
        code: "parent_unknown",
        severity: "error",
        nodeId: node.id,
        field: "parentId",
        message: `${label(node)} is placed in "${node.parentId}", which is not a step of this workflow.`,
      });
    } else if (parent.type !== "loop") {
      issues.push({
        code: "parent_not_loop",
        severity: "error",
        nodeId: node.id,
        field: "parentId",
        message: `${label(node)} is placed inside ${label(parent)}, but only a loop can hold other steps.`,
      });
    } else if (onParentCycle(index, node.id)) {
      issues.push({
        code: "parent_cycle",
        severity: "error",
        nodeId: node.id,
        field: "parentId",
        message: `${label(node)} and ${label(parent)} are placed inside each other.`,
      });
    }
    if (node.type === "trigger") {
      issues.push({
        code: "trigger_in_loop",
        severity: "error",
        nodeId: node.id,
        field: "parentId",
        message: `The trigger ${label(node)} cannot be inside a loop; move it to the top level.`,
      });
    }
  }
  for (const node of index.nodes.values()) {
    if (node.type === "loop" && !index.bodies.get(node.id)?.length) {
      issues.push({
        code: "loop_empty",
        severity: "error",
        nodeId: node.id,
        message: `The loop ${label(node)} has no steps inside it; drop the steps to repeat into it.`,
      });
    }
  }
  return issues;
}
