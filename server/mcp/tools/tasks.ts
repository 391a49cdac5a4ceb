import "server-only";
import { z } from "zod";
import { isDomainError, DomainError } from "../../errors";
import { TaskSource, TaskState } from "../../generated/prisma/enums";
import { zCursor, zId } from "../../schemas/primitives";
import { streamTaskEvents } from "../../services/events/stream-task-events";
import { lastTaskEventId } from "../../services/tasks/a2a-task";
import { requestCancel } from "../../services/tasks/cancel-task";
import { listOrgTasks } from "../../services/tasks/list-org-tasks";
import { replyToTask } from "../../services/tasks/reply-to-task";
import { followTask, loadTaskAnswer, TASK_NOT_FOUND, ZTaskOutcomeSchema } from "../task-view";
import { zMessage } from "./run-agent";
import { defineTool } from "./tool";

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const zTaskId = zId.meta({ description: "The task's id (run_agent, list_tasks and ask_department give it)." });

/** Every task tool answers an unknown id and another org's task in the same words. */
async function sameNotFound<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && error.code === "task_not_found")
      throw new DomainError("task_not_found", TASK_NOT_FOUND);
    throw error;
  }
}

/** How long cancel_task waits to report the task as it ends (the cancel itself stands either way). */
const CANCEL_SETTLE_MS = 10_000;

export const getTask = defineTool({
  name: "get_task",
  grantKey: "get_task",
  title: "Get a task",
  description: "One of the org's tasks: its state, what it said last, its cost and its artifacts (embedded resources).",
  input: z.object({ taskId: zTaskId }),
  output: ZTaskOutcomeSchema,
  annotations: READ,
  scopes: ["tasks:read"],
  call: async (args, ctx) => sameNotFound(() => loadTaskAnswer(ctx.principal.orgId, args.taskId)),
});

export const listTasks = defineTool({
  name: "list_tasks",
  grantKey: "list_tasks",
  title: "List tasks",
  description: "The org's tasks, newest first, a page at a time; filter by state or by the door they came through.",
  input: z.object({
    state: z.enum(TaskState).optional(),
    source: z.enum(TaskSource).optional().meta({ description: "MCP for the tasks started through MCP." }),
    limit: z.number().int().min(1).max(50).default(20),
    cursor: zCursor.optional().meta({ description: "nextCursor of the previous page." }),
  }),
  output: z.object({
    tasks: z.array(
      z.object({
        taskId: z.string(),
        state: z.enum(TaskState),
        source: z.enum(TaskSource),
        agent: z.object({ slug: z.string(), name: z.string() }),
        priceCredits: z.number().int(),
        preview: z.string().meta({ description: "The start of what was asked." }),
        statusMessage: z.string().nullable(),
        createdAt: z.string(),
        finishedAt: z.string().nullable(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
  annotations: READ,
  scopes: ["tasks:read"],
  call: async (args, ctx) => {
    const page = await listOrgTasks({
      orgId: ctx.principal.orgId,
      state: args.state ?? null,
      source: args.source ?? null,
      cursor: args.cursor ?? null,
      limit: args.limit,
    });
    const tasks = page.items.map((t) => ({
      taskId: t.id,
      state: t.state,
      source: t.source,
      agent: t.agent,
      priceCredits: t.price,
      preview: t.preview,
      statusMessage: t.statusMessage,
      createdAt: t.createdAt.toISOString(),
      finishedAt: t.finishedAt?.toISOString() ?? null,
    }));
    return {
      text: tasks.length
        ? tasks.map((t) => `- ${t.taskId} ${t.state} ${t.agent.name}: ${t.preview}`).join("\n")
        : "No tasks match.",
      structured: { tasks, nextCursor: page.nextCursor },
    };
  },
});

export const cancelTask = defineTool({
  name: "cancel_task",
  grantKey: "cancel_task",
  title: "Cancel a task",
  description:
    "Cancels one of the org's running tasks (and, for a department request, the work it started): its credit " +
    "hold is released. Answers with the task once it has stopped.",
  input: z.object({ taskId: zTaskId }),
  output: ZTaskOutcomeSchema,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  scopes: ["tasks:write"],
  call: async (args, ctx) =>
    sameNotFound(async () => {
      const orgId = ctx.principal.orgId;
      await requestCancel({ orgId, taskId: args.taskId });
      const afterId = await lastTaskEventId({ orgId, taskId: args.taskId });
      const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(CANCEL_SETTLE_MS)]);
      for await (const _event of streamTaskEvents({ orgId, taskId: args.taskId, signal, afterId })) void _event;
      return loadTaskAnswer(orgId, args.taskId);
    }),
});

export const replyToTaskTool = defineTool({
  name: "reply_to_task",
  grantKey: "reply_to_task",
  title: "Reply to a task",
  description:
    "Answers a task that asked for input (state INPUT_REQUIRED): an agent's question, or a department manager's. " +
    "The task goes on with the answer; this follows it, with progress, until it pauses again.",
  input: z.object({ taskId: zTaskId, message: zMessage.meta({ description: "Your answer." }) }),
  output: ZTaskOutcomeSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  scopes: ["tasks:write"],
  call: async (args, ctx) =>
    sameNotFound(async () => {
      const orgId = ctx.principal.orgId;
      const afterId = await lastTaskEventId({ orgId, taskId: args.taskId });
      await replyToTask({
        orgId,
        taskId: args.taskId,
        message: { messageId: ctx.messageId, role: "user", parts: [{ kind: "text", text: args.message }] },
      });
      return followTask({ orgId, taskId: args.taskId, signal: ctx.signal, progress: ctx.progress, afterId });
    }),
});
