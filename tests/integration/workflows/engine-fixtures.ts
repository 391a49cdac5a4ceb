import { expect } from "vitest";
import { db } from "@/server/db";
import type { WorkflowRunState } from "@/server/generated/prisma/enums";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "@/server/schemas/workflow-graph";
import { startWorkflowRun } from "@/server/services/workflows/start-workflow-run";
import { useTaskRuntime } from "../../support/app-server";
import { publishedWorkflow } from "./workflow-fixtures";

/**
 * For the workflow engine's tests: the real durable engine with every
 * function (the workflow ones included), the in-process task runner, and the
 * app server with the demo agents, so agent steps are real tasks over A2A.
 */
export const useWorkflowEngine = useTaskRuntime;

const at = { x: 0, y: 0 };
type Extra = { parentId?: string; name?: string };
const base = (id: string, extra: Extra) => ({ id, name: extra.name ?? id, position: at, ...extra });

/** Node builders for engine tests (the graph is parsed with the real schema). */
export const node = {
  trigger: (id = "start") => ({ ...base(id, {}), type: "trigger", config: { kind: "manual" } }),
  agent: (
    id: string,
    slug: string,
    template: string,
    extra: Extra & { retry?: { maxAttempts: number; backoffSeconds: number } } = {},
  ) => {
    const { retry, ...rest } = extra;
    return {
      ...base(id, rest),
      type: "agent",
      config: { target: { kind: "listing", slug }, template, retry: retry ?? { maxAttempts: 1, backoffSeconds: 30 } },
    };
  },
  condition: (id: string, expression: string, extra: Extra = {}) => ({
    ...base(id, extra),
    type: "condition",
    config: { expression },
  }),
  parallel: (id: string, extra: Extra = {}) => ({ ...base(id, extra), type: "parallel", config: {} }),
  join: (id: string, wait: "all" | "first", extra: Extra = {}) => ({
    ...base(id, extra),
    type: "join",
    config: { wait },
  }),
  transform: (id: string, template: string, format: "text" | "json" = "text", extra: Extra = {}) => ({
    ...base(id, extra),
    type: "transform",
    config: { template, format },
  }),
  output: (id: string, template: string, format: "text" | "json" = "text", extra: Extra = {}) => ({
    ...base(id, extra),
    type: "output",
    config: { template, format },
  }),
  loop: (id: string, items: string, concurrency: number, extra: Extra = {}) => ({
    ...base(id, extra),
    type: "loop",
    config: { items, concurrency, maxItems: 50 },
  }),
  approval: (
    id: string,
    template: string,
    config: { deadlineHours?: number; onTimeout?: "approve" | "reject"; userIds?: string[] } = {},
  ) => ({
    ...base(id, {}),
    type: "approval",
    config: {
      approvers: { roles: ["owner"], userIds: config.userIds ?? [] },
      template,
      deadlineHours: config.deadlineHours ?? 72,
      onTimeout: config.onTimeout ?? "reject",
    },
  }),
  subworkflow: (id: string, workflowId: string, template: string) => ({
    ...base(id, {}),
    type: "subworkflow",
    config: { workflowId, template },
  }),
  delay: (id: string, seconds: number) => ({ ...base(id, {}), type: "delay", config: { seconds } }),
};

let edges = 0;
/** An edge; `branch` on a condition's out-edges. */
export const to = (source: string, target: string, branch?: "true" | "false") => ({
  id: `e${++edges}`,
  source,
  target,
  ...(branch ? { branch } : {}),
});

export function flow(
  nodes: unknown[],
  links: ReturnType<typeof to>[],
  budgetCapCredits: number | null = null,
): WorkflowGraph {
  return ZWorkflowGraphSchema.parse({ nodes, edges: links, budgetCapCredits });
}

/** Publishes `graph` in the buyer's org and starts a run of it, as the buyer. */
export async function runFlow(
  buyer: { org: { id: string }; user: { id: string } },
  graph: WorkflowGraph,
  input: unknown = {},
) {
  const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, graph, `Engine test ${edges}`);
  const run = await startWorkflowRun({
    orgId: buyer.org.id,
    actor: { kind: "user", userId: buyer.user.id },
    workflowId: workflow.id,
    input,
    trigger: "MANUAL",
  });
  return { runId: run.id, workflowId: workflow.id };
}

const FINAL: WorkflowRunState[] = ["SUCCEEDED", "FAILED", "CANCELED"];

/** Waits until the run is in one of `states` (by default: ended) and returns it with its steps. */
export async function waitForRun(runId: string, states: WorkflowRunState[] = FINAL, timeout = 30_000) {
  await expect
    .poll(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).state, {
      timeout,
      interval: 50,
    })
    .toSatisfy((state: WorkflowRunState) => states.includes(state))
    .catch(async (error: unknown) => {
      throw new Error(`${String(error)}; run: ${JSON.stringify(await describeRun(runId))}`);
    });
  return describeRun(runId);
}

/** The run and its steps by "node" (top level) or "node@key" (loop elements). */
export async function describeRun(runId: string) {
  const run = await db.workflowRun.findUniqueOrThrow({ where: { id: runId } });
  const rows = await db.workflowStepRun.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
  const steps = Object.fromEntries(rows.map((r) => [r.iterationKey ? `${r.nodeId}@${r.iterationKey}` : r.nodeId, r]));
  return { run, steps, states: Object.fromEntries(Object.entries(steps).map(([k, r]) => [k, r.state])) };
}

/** Waits until a step row reaches `state`. */
export async function waitForStep(runId: string, nodeId: string, state: string, iterationKey = "", timeout = 30_000) {
  await expect
    .poll(
      async () =>
        (await db.workflowStepRun.findUnique({ where: { runId_nodeId_iterationKey: { runId, nodeId, iterationKey } } }))
          ?.state,
      { timeout, interval: 50 },
    )
    .toBe(state);
}

/** The tasks a run's steps started, by node (and key). */
export async function tasksOf(runId: string) {
  const rows = await db.workflowStepRun.findMany({ where: { runId, taskId: { not: null } }, select: { taskId: true } });
  return db.task.findMany({
    where: { id: { in: rows.map((r) => r.taskId!) } },
    select: {
      id: true,
      state: true,
      price: true,
      source: true,
      clientMessageId: true,
      hold: { select: { status: true } },
    },
  });
}
