import "server-only";
import { z } from "zod";
import { zCursor, zId, zText } from "../../schemas/primitives";
import { getWorkflowRun } from "../../services/workflows/get-workflow-run";
import { listWorkflows } from "../../services/workflows/list-workflows";
import { startWorkflowRun } from "../../services/workflows/start-workflow-run";
import { workflowActor } from "../principal";
import { defineTool } from "./tool";

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const iso = (date: Date | null) => date?.toISOString() ?? null;

export const listWorkflowsTool = defineTool({
  name: "list_workflows",
  grantKey: "list_workflows",
  title: "List workflows",
  description:
    "The org's saved workflows (graphs of agent steps, approvals and logic), most recently changed first. Only a " +
    "published one can run (run_workflow); its definition is the resource bureau://workflows/{id}.",
  input: z.object({
    search: zText(100).optional().meta({ description: "Part of the name." }),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: zCursor.optional(),
  }),
  output: z.object({
    workflows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        latestVersion: z.number().int().meta({ description: "0: never published, so it cannot run yet." }),
        publishedAt: z.string().nullable(),
        uri: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
  annotations: READ,
  scopes: ["workflows:read"],
  call: async (args, ctx) => {
    const page = await listWorkflows({
      orgId: ctx.principal.orgId,
      actor: workflowActor(ctx.principal),
      search: args.search ?? null,
      cursor: args.cursor ?? null,
      limit: args.limit,
    });
    const workflows = page.items.map((w) => ({
      id: w.id,
      name: w.name,
      description: w.description,
      latestVersion: w.latestVersion,
      publishedAt: iso(w.publishedAt),
      uri: `bureau://workflows/${w.id}`,
    }));
    return {
      text: workflows.length
        ? workflows
            .map((w) => `- ${w.name} (${w.id})${w.latestVersion ? `, version ${w.latestVersion}` : ", not published"}`)
            .join("\n")
        : "The org has no workflows.",
      structured: { workflows, nextCursor: page.nextCursor },
    };
  },
});

const ZRunSchema = z.object({
  id: z.string(),
  workflowId: z.string().nullable(),
  workflowName: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
  state: z.string(),
  spentCredits: z.number().int(),
  error: z.string().nullable(),
  output: z.unknown(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  steps: z.array(
    z.object({
      nodeId: z.string(),
      nodeName: z.string().nullable(),
      state: z.string(),
      taskId: z.string().nullable(),
      costCredits: z.number().int(),
      output: z.string().nullable(),
    }),
  ),
  pendingApprovals: z.array(z.object({ id: z.string(), title: z.string(), deadlineAt: z.string() })),
});

export const runWorkflowTool = defineTool({
  name: "run_workflow",
  grantKey: "run_workflow",
  title: "Run a workflow",
  description:
    "Starts a run of a workflow's newest published version with an input (any JSON its steps read as input.…). " +
    "Its agent steps are billed tasks. Answers at once with the run; follow it with get_workflow_run.",
  input: z.object({
    workflowId: zId,
    input: z.record(z.string(), z.unknown()).optional().meta({ description: "The run's input. Default {}." }),
  }),
  output: z.object({
    runId: z.string(),
    workflowId: z.string(),
    versionNumber: z.number().int(),
    created: z.boolean(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  scopes: ["workflows:run"],
  call: async (args, ctx) => {
    const run = await startWorkflowRun({
      orgId: ctx.principal.orgId,
      actor: workflowActor(ctx.principal),
      workflowId: args.workflowId,
      input: args.input ?? {},
      // Workflow runs know no MCP trigger: the MCP door is a program's door, as the REST API is.
      trigger: "API",
      idempotencyKey: ctx.messageId,
    });
    return {
      text:
        `Run ${run.id} of version ${run.versionNumber} ` +
        `${run.created ? "started" : "was already started by this request"}. Follow it with get_workflow_run.`,
      structured: {
        runId: run.id,
        workflowId: args.workflowId,
        versionNumber: run.versionNumber,
        created: run.created,
      },
    };
  },
});

export const getWorkflowRunTool = defineTool({
  name: "get_workflow_run",
  grantKey: "get_workflow_run",
  title: "Get a workflow run",
  description: "A workflow run: its state, each step (state, task, cost, output), its output and what it waits for.",
  input: z.object({ runId: zId }),
  output: ZRunSchema,
  annotations: READ,
  scopes: ["workflows:read"],
  call: async (args, ctx) => {
    const run = await getWorkflowRun({
      orgId: ctx.principal.orgId,
      actor: workflowActor(ctx.principal),
      runId: args.runId,
    });
    const names = new Map(run.graph.nodes.map((n) => [n.id, n.name]));
    const structured = {
      id: run.id,
      workflowId: run.workflowId,
      workflowName: run.workflowName,
      versionNumber: run.versionNumber,
      state: run.state,
      spentCredits: run.spentCredits,
      error: run.error?.message ?? null,
      output: run.output,
      startedAt: iso(run.startedAt),
      finishedAt: iso(run.finishedAt),
      steps: run.steps.map((s) => ({
        nodeId: s.nodeId,
        nodeName: names.get(s.nodeId) ?? null,
        state: s.state,
        taskId: s.taskId,
        costCredits: s.costCredits,
        output: s.output,
      })),
      pendingApprovals: run.pendingApprovals.map((a) => ({
        id: a.id,
        title: a.title,
        deadlineAt: a.deadlineAt.toISOString(),
      })),
    };
    const waiting = structured.pendingApprovals.length
      ? ` Waiting for: ${structured.pendingApprovals.map((a) => `"${a.title}" (${a.id})`).join(", ")}.`
      : "";
    return {
      text:
        `Run ${run.id} of ${run.workflowName ?? "a plan"} is ${run.state}, ${run.spentCredits} credits spent, ` +
        `${run.steps.length} steps.${waiting}`,
      structured,
    };
  },
});
