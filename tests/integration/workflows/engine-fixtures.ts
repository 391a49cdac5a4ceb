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

/** What one demo agent saw over HTTP: its messages, and how many of its calls were open at once. */
export interface AgentProbe {
  messageIds: string[];
  texts: string[];
  inFlight: number;
  maxInFlight: number;
  /** Holds each message this long before the agent sees it (a slow agent), ended early if the caller goes. */
  delayMs: number;
  /** Rewrites a message's JSON-RPC body before the agent reads it (a flaky agent). */
  rewrite?: (body: string, messageId: string) => string;
  /** Holds a streamed answer this long after its first chunk (the agent has the task and is working). */
  holdAfterFirstChunkMs: number;
}

/**
 * The demo agents' route with a probe per demo slug: counts the sends each
 * agent receives and the calls open at once (a streaming agent's call stays
 * open until its task ends), and can slow an agent down or change what it
 * reads. Pass `route` to useWorkflowEngine.
 */
export function probedDemoAgents() {
  const probes = new Map<string, AgentProbe>();
  const held = new Set<() => void>();
  const pause = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        held.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      held.add(done);
      signal.addEventListener("abort", done, { once: true });
    });
  /** Lets every held message and answer through now (so a test's slow agent does not outlive it). */
  const release = () => {
    for (const done of [...held]) done();
  };
  const probe = (slug: string) => {
    let found = probes.get(slug);
    if (!found) {
      found = { messageIds: [], texts: [], inFlight: 0, maxInFlight: 0, delayMs: 0, holdAfterFirstChunkMs: 0 };
      probes.set(slug, found);
    }
    return found;
  };
  const route = {
    pattern: /^\/api\/demo-agents\/([\w-]+)$/,
    handle: async (request: Request, match: RegExpExecArray) => {
      const { handleDemoAgentRequest } = await import("@/server/demo-agents/handler");
      const slug = match[1]!;
      let body = await request.clone().text();
      if (!/"method"\s*:\s*"(SendMessage|SendStreamingMessage|message\/send|message\/stream)"/.test(body))
        return handleDemoAgentRequest(slug, request);
      const p = probe(slug);
      const message = (
        JSON.parse(body) as { params?: { message?: { messageId?: string; parts?: { text?: string }[] } } }
      ).params?.message;
      const messageId = String(message?.messageId);
      p.messageIds.push(messageId);
      p.texts.push((message?.parts ?? []).map((part) => part.text ?? "").join(""));
      p.inFlight++;
      p.maxInFlight = Math.max(p.maxInFlight, p.inFlight);
      let open = true;
      const close = () => {
        if (open) p.inFlight--;
        open = false;
      };
      try {
        if (p.rewrite) body = p.rewrite(body, messageId);
        if (p.delayMs) await pause(p.delayMs, request.signal);
        const response = await handleDemoAgentRequest(
          slug,
          new Request(request.url, { method: "POST", headers: request.headers, body, signal: request.signal }),
        );
        if (!response.body) {
          close();
          return response;
        }
        let chunks = 0;
        const hold = p.holdAfterFirstChunkMs;
        const counted = response.body.pipeThrough(
          new TransformStream({
            async transform(chunk, controller) {
              if (chunks++ === 1 && hold) await pause(hold, request.signal);
              controller.enqueue(chunk);
            },
            flush: close,
            cancel: close,
          } as Transformer),
        );
        return new Response(counted, { status: response.status, headers: response.headers });
      } catch (error) {
        close();
        throw error;
      }
    },
  };
  return { probe, route, release };
}
