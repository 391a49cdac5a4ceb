import "server-only";
import type { WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";

export const ACCEPT_NODE_ID = "accept_plan";

/** Liquid shows the text as written, whatever braces or tags it holds. */
export const literal = (text: string) => `{% raw %}${text.replaceAll("{% endraw %}", "{ % endraw % }")}{% endraw %}`;

/**
 * The plan behind an acceptance step: an approval right after the trigger,
 * decided by the department's leads (by owners and admins when it has none,
 * and for the company), with the request, the plan and its price. Nothing of
 * the plan runs, and nothing is held, until it is accepted; a rejection or
 * the deadline ends the run, and with it the request.
 */
export function withAcceptance(
  graph: WorkflowGraph,
  plan: {
    request: string;
    summary: string;
    estimate: { minCredits: number; maxCredits: number };
    approverUserIds: string[];
  },
): WorkflowGraph {
  const trigger = graph.nodes.find((n) => n.type === "trigger");
  if (!trigger || graph.nodes.some((n) => n.id === ACCEPT_NODE_ID)) return graph;
  const accept: WorkflowNode = {
    id: ACCEPT_NODE_ID,
    name: "Accept the plan",
    type: "approval",
    position: { x: trigger.position.x, y: trigger.position.y + 120 },
    config: {
      approvers: { roles: plan.approverUserIds.length ? [] : ["owner", "admin"], userIds: plan.approverUserIds },
      template: literal(`Request: ${plan.request}\n\n${plan.summary}`),
      deadlineHours: 72,
      onTimeout: "reject",
    },
  };
  const rest = graph.nodes
    .filter((n) => n.id !== trigger.id)
    .map((n) => ({ ...n, position: { x: n.position.x, y: n.position.y + 120 } }));
  return {
    ...graph,
    nodes: [trigger, accept, ...rest],
    edges: [
      ...graph.edges.map((e) => (e.source === trigger.id ? { ...e, source: ACCEPT_NODE_ID } : e)),
      { id: `${trigger.id}->${ACCEPT_NODE_ID}`, source: trigger.id, target: ACCEPT_NODE_ID },
    ],
  };
}
