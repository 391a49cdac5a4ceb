import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { WorkflowRunState, WorkflowRunTrigger, WorkflowStepState } from "../../generated/prisma/enums";
import { ZRunErrorSchema, type RunError } from "../../schemas/workflow-approvals";
import type { WorkflowGraph } from "../../schemas/workflow-graph";
import { readStoredGraph } from "./stored-graph";

/** A run's states in which it can still change: cancel applies, approvals can be decided. */
export const ACTIVE_RUN_STATES = ["PENDING", "RUNNING", "WAITING"] as const satisfies WorkflowRunState[];
export const ACTIVE_STEP_STATES = ["PENDING", "RUNNING", "WAITING"] as const satisfies WorkflowStepState[];

/** An error column as written by the engine; anything unreadable still shows as a message. */
export function readRunError(json: unknown): RunError | null {
  if (json === null || json === undefined) return null;
  const parsed = ZRunErrorSchema.safeParse(json);
  return parsed.success
    ? parsed.data
    : { message: "The step failed (no readable reason was recorded).", nodeId: null, field: null, position: null };
}

export const RUN_SUMMARY_SELECT = {
  id: true,
  workflowId: true,
  state: true,
  trigger: true,
  budgetCapCredits: true,
  spentCredits: true,
  generation: true,
  parentRunId: true,
  createdById: true,
  apiKeyId: true,
  error: true,
  cancelRequestedAt: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
  updatedAt: true,
  workflow: { select: { name: true } },
  version: { select: { number: true } },
} satisfies Prisma.WorkflowRunSelect;

type SummaryRow = Prisma.WorkflowRunGetPayload<{ select: typeof RUN_SUMMARY_SELECT }>;

export interface WorkflowRunSummary {
  id: string;
  workflowId: string | null;
  workflowName: string | null;
  versionNumber: number | null;
  state: WorkflowRunState;
  trigger: WorkflowRunTrigger;
  budgetCapCredits: number | null;
  spentCredits: number;
  generation: number;
  parentRunId: string | null;
  createdById: string | null;
  apiKeyId: string | null;
  error: RunError | null;
  cancelRequestedAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toRunSummary({ workflow, version, error, ...row }: SummaryRow): WorkflowRunSummary {
  return {
    ...row,
    workflowName: workflow?.name ?? null,
    versionNumber: version?.number ?? null,
    error: readRunError(error),
  };
}

export const STEP_SELECT = {
  id: true,
  nodeId: true,
  iterationKey: true,
  state: true,
  attempt: true,
  taskId: true,
  output: true,
  data: true,
  costCredits: true,
  error: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.WorkflowStepRunSelect;

type StepRow = Prisma.WorkflowStepRunGetPayload<{ select: typeof STEP_SELECT }>;

export interface WorkflowStepView {
  id: string;
  nodeId: string;
  iterationKey: string;
  state: WorkflowStepState;
  attempt: number;
  taskId: string | null;
  output: string | null;
  data: unknown;
  costCredits: number;
  error: RunError | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export const toStepView = ({ error, data, ...row }: StepRow): WorkflowStepView => ({
  ...row,
  data: data ?? null,
  error: readRunError(error),
});

export interface WorkflowRunDetail extends WorkflowRunSummary {
  parentNodeId: string | null;
  graph: WorkflowGraph;
  input: unknown;
  output: unknown;
  steps: WorkflowStepView[];
  /** Sum of the steps' costs (what the canvas shows as the total). */
  totalCostCredits: number;
}

export function toRunDetail(
  row: SummaryRow & { parentNodeId: string | null; graph: unknown; input: unknown; output: unknown },
  steps: StepRow[],
): WorkflowRunDetail {
  const stepViews = steps.map(toStepView);
  return {
    ...toRunSummary(row),
    parentNodeId: row.parentNodeId,
    graph: readStoredGraph(row.graph, `run ${row.id}`),
    input: row.input ?? null,
    output: row.output ?? null,
    steps: stepViews,
    totalCostCredits: stepViews.reduce((sum, step) => sum + step.costCredits, 0),
  };
}
