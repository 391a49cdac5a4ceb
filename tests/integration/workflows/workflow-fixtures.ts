import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { createWorkflow } from "@/server/services/workflows/create-workflow";
import { publishWorkflow } from "@/server/services/workflows/publish-workflow";
import { saveWorkflowDraft } from "@/server/services/workflows/save-workflow-draft";

/** A manual trigger, one agent step on a listing, and an output: the smallest graph that spends credits. */
export function agentGraph(slug: string, prompt = "Summarise {{ input.topic }}"): WorkflowGraph {
  return {
    nodes: [
      { id: "start", type: "trigger", name: "Start", position: { x: 0, y: 0 }, config: { kind: "manual" } },
      {
        id: "research",
        type: "agent",
        name: "Research",
        position: { x: 0, y: 120 },
        config: { target: { kind: "listing", slug }, template: prompt, retry: { maxAttempts: 1, backoffSeconds: 30 } },
      },
      {
        id: "result",
        type: "output",
        name: "Result",
        position: { x: 0, y: 240 },
        config: { template: "{{ steps.research.output }}", format: "text" },
      },
    ],
    edges: [
      { id: "e1", source: "start", target: "research" },
      { id: "e2", source: "research", target: "result" },
    ],
    budgetCapCredits: null,
  };
}

/** A workflow of `graph`, published as version 1, by a member. */
export async function publishedWorkflow(orgId: string, userId: string, graph: WorkflowGraph, name = "Fixture flow") {
  const actor = { kind: "user" as const, userId };
  const workflow = await createWorkflow({ orgId, actor, name, source: { kind: "graph", graph } });
  await publishWorkflow({ orgId, actor, workflowId: workflow.id });
  return workflow;
}

/** Saves `graph` as the draft and publishes it: the next version. */
export async function publishNext(orgId: string, userId: string, workflowId: string, graph: WorkflowGraph) {
  const actor = { kind: "user" as const, userId };
  await saveWorkflowDraft({ orgId, actor, workflowId, graph });
  return (await publishWorkflow({ orgId, actor, workflowId })).version;
}
