import "server-only";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import type { WorkflowGraph } from "../../../schemas/workflow-graph";
import { readStoredGraph } from "../../workflows/stored-graph";
import { createWorkflow } from "../../workflows/create-workflow";
import type { WorkflowActor } from "../../workflows/workflow-actor";
import type { ManagerDecision } from "../manager/types";
import { ACCEPT_NODE_ID } from "./plan-acceptance";
import type { StoredDecision } from "./run-request";

export interface RequestView {
  taskId: string;
  state: string;
  department: { slug: string; name: string } | null;
  request: string | null;
  decision: ManagerDecision | null;
  manager: StoredDecision["record"] | null;
  decidedAt: string | null;
  run: { id: string; state: string; spentCredits: number } | null;
  /** The approvals of the run still waiting for a decision (the plan's acceptance, gated steps). */
  pendingApprovals: { id: string; title: string; nodeId: string | null }[];
}

/** A department request as its page shows it: the manager's decision, its plan's run, what waits for people. */
export async function getRequestView(orgId: string, taskId: string): Promise<RequestView> {
  const task = await db.task.findFirst({
    where: { id: taskId, orgId, kind: "MANAGER" },
    select: { id: true, state: true, departmentId: true, workflowRunId: true, managerRecord: true },
  });
  if (!task) throw new DomainError("task_not_found", "No such request in this organization.");
  const [department, run, approvals] = await Promise.all([
    task.departmentId
      ? db.department.findUnique({ where: { id: task.departmentId }, select: { slug: true, name: true } })
      : null,
    task.workflowRunId
      ? db.workflowRun.findUnique({
          where: { id: task.workflowRunId },
          select: { id: true, state: true, spentCredits: true },
        })
      : null,
    task.workflowRunId
      ? db.approval.findMany({
          where: { runId: task.workflowRunId, state: "PENDING" },
          orderBy: { createdAt: "asc" },
          select: { id: true, title: true, stepRun: { select: { nodeId: true } } },
        })
      : [],
  ]);
  const stored = task.managerRecord as unknown as StoredDecision | null;
  return {
    taskId: task.id,
    state: task.state,
    department,
    request: stored?.request ?? null,
    decision: stored?.decision ?? null,
    manager: stored?.record ?? null,
    decidedAt: stored?.decidedAt ?? null,
    run,
    pendingApprovals: approvals.map((a) => ({ id: a.id, title: a.title, nodeId: a.stepRun?.nodeId ?? null })),
  };
}

/**
 * Keeps a plan as a workflow of the org: a draft whose graph is the plan's
 * (without its one-off acceptance step), to edit, publish and run again.
 */
export async function savePlanAsWorkflow(input: {
  orgId: string;
  actor: WorkflowActor;
  taskId: string;
  name: string;
}): Promise<{ workflowId: string }> {
  const task = await db.task.findFirst({
    where: { id: input.taskId, orgId: input.orgId, kind: "MANAGER" },
    select: { workflowRunId: true, managerRecord: true },
  });
  if (!task) throw new DomainError("task_not_found", "No such request in this organization.");
  const run = task.workflowRunId
    ? await db.workflowRun.findUnique({ where: { id: task.workflowRunId }, select: { graph: true } })
    : null;
  const decision = (task.managerRecord as unknown as StoredDecision | null)?.decision;
  const graph: WorkflowGraph | null = run
    ? withoutAcceptance(readStoredGraph(run.graph, `plan of task ${input.taskId}`))
    : decision && decision.kind !== "question"
      ? decision.graph
      : null;
  if (!graph) throw new DomainError("not_eligible", "This request has no plan to save (its manager asked a question).");
  const workflow = await createWorkflow({
    orgId: input.orgId,
    actor: input.actor,
    name: input.name,
    description: `Saved from a manager's plan (task ${input.taskId}).`,
    source: { kind: "graph", graph },
  });
  return { workflowId: workflow.id };
}

function withoutAcceptance(graph: WorkflowGraph): WorkflowGraph {
  if (!graph.nodes.some((n) => n.id === ACCEPT_NODE_ID)) return graph;
  const into = graph.edges.filter((e) => e.target === ACCEPT_NODE_ID).map((e) => e.source);
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => n.id !== ACCEPT_NODE_ID),
    edges: graph.edges.flatMap((e) => {
      if (e.target === ACCEPT_NODE_ID) return [];
      if (e.source === ACCEPT_NODE_ID) return into.map((source) => ({ ...e, id: `${source}->${e.target}`, source }));
      return [e];
    }),
  };
}
