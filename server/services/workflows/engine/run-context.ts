import "server-only";
import { db } from "../../../db";
import type { WorkflowRunState } from "../../../generated/prisma/enums";
import { ZWorkflowGraphSchema, type WorkflowGraph, type WorkflowNode } from "../../../schemas/workflow-graph";

/** What every step of a run needs to know about the run, read fresh in each step. */
export interface RunContext {
  id: string;
  orgId: string;
  workflowId: string | null;
  graph: WorkflowGraph;
  input: unknown;
  state: WorkflowRunState;
  generation: number;
  createdById: string | null;
  budgetCapCredits: number | null;
  spentCredits: number;
  parentRunId: string | null;
  startedAt: Date | null;
  cancelRequestedAt: Date | null;
}

/** The run, or null when it is gone. Its frozen graph is parsed on every read, like every stored graph. */
export async function loadRun(runId: string): Promise<RunContext | null> {
  const run = await db.workflowRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      orgId: true,
      workflowId: true,
      graph: true,
      input: true,
      state: true,
      generation: true,
      createdById: true,
      budgetCapCredits: true,
      spentCredits: true,
      parentRunId: true,
      startedAt: true,
      cancelRequestedAt: true,
    },
  });
  if (!run) return null;
  const graph = ZWorkflowGraphSchema.safeParse(run.graph);
  if (!graph.success) throw new Error(`The graph of workflow run ${runId} does not parse: ${graph.error.message}`);
  return { ...run, graph: graph.data };
}

export function nodeOf(run: RunContext, nodeId: string): WorkflowNode {
  const node = run.graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`Workflow run ${run.id} has no node "${nodeId}".`);
  return node;
}

export const FINAL_RUN_STATES: readonly WorkflowRunState[] = ["SUCCEEDED", "FAILED", "CANCELED"];
export const isFinalRun = (state: WorkflowRunState) => FINAL_RUN_STATES.includes(state);
