import "server-only";
import type { CreateTaskOptions, TaskStore } from "@modelcontextprotocol/sdk/experimental/tasks/interfaces.js";
import { ErrorCode, McpError, type Result, type Task as McpTask } from "@modelcontextprotocol/sdk/types.js";
import { db } from "../db";
import type { TaskState } from "../generated/prisma/enums";
import { parsePathParam, zId } from "../schemas/primitives";
import { streamTaskEvents } from "../services/events/stream-task-events";
import { lastTaskEventId } from "../services/tasks/a2a-task";
import { requestCancel } from "../services/tasks/cancel-task";
import { guarded } from "./errors";
import { hasAnyScope, type McpPrincipal } from "./principal";
import { loadTaskAnswer } from "./task-view";
import { callToolResult } from "./tools/tool";

/** How often a client should poll tasks/get (the SDK's tasks/result waits this long between reads too). */
const POLL_INTERVAL_MS = 1_000;
const CANCEL_SETTLE_MS = 10_000;
/** tasks/list pages (ids are time-ordered UUIDv7, newest first). */
const LIST_PAGE = 50;

const STATUS_OF: Record<TaskState, McpTask["status"]> = {
  SUBMITTED: "working",
  WORKING: "working",
  // Waiting for a person's approval: still Bureau's work, not the requestor's.
  AUTH_REQUIRED: "working",
  INPUT_REQUIRED: "input_required",
  COMPLETED: "completed",
  FAILED: "failed",
  REJECTED: "failed",
  CANCELED: "cancelled",
};

function toMcpTask(task: {
  id: string;
  state: TaskState;
  statusMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
}): McpTask {
  const waiting = task.state === "AUTH_REQUIRED" ? "Waiting for an approval" : null;
  const statusMessage = [waiting, task.statusMessage].filter(Boolean).join(": ");
  return {
    taskId: task.id,
    status: STATUS_OF[task.state],
    // Bureau keeps every task: its result stays readable.
    ttl: null,
    createdAt: task.createdAt.toISOString(),
    lastUpdatedAt: task.updatedAt.toISOString(),
    pollInterval: POLL_INTERVAL_MS,
    ...(statusMessage ? { statusMessage } : {}),
  };
}

/**
 * MCP's task-based execution over Bureau's own tasks: an MCP task IS the
 * Bureau task a task-augmented tools/call started (same id), so tasks/get,
 * tasks/result, tasks/list and tasks/cancel read and cancel it from
 * Postgres, on any process, for as long as Bureau keeps the task. Scoped to
 * the caller's org and to tasks started through MCP; another org's id is
 * "not found". One store per request, bound to its principal.
 */
export class BureauTaskStore implements TaskStore {
  constructor(private readonly principal: McpPrincipal) {}

  private require(scope: "tasks:read" | "tasks:write") {
    if (!hasAnyScope(this.principal, [scope]))
      throw new McpError(ErrorCode.InvalidRequest, `This credential lacks the ${scope} scope, which this needs.`);
  }

  private async find(taskId: string) {
    const id = parsePathParam(zId, taskId);
    if (!id) return null;
    return db.task.findFirst({
      where: { id, orgId: this.principal.orgId, source: "MCP" },
      select: { id: true, state: true, statusMessage: true, createdAt: true, updatedAt: true },
    });
  }

  /** Tools start their task themselves (tools/call with `task`), so the SDK never creates one here. */
  async createTask(_params: CreateTaskOptions): Promise<McpTask> {
    throw new McpError(
      ErrorCode.InvalidRequest,
      "Bureau starts a task only through tools/call of a tool that supports tasks.",
    );
  }

  async getTask(taskId: string): Promise<McpTask | null> {
    this.require("tasks:read");
    return guarded({ taskId }, async () => {
      const task = await this.find(taskId);
      return task ? toMcpTask(task) : null;
    });
  }

  /** A Bureau task records its own outcome as it runs; nothing is stored from outside. */
  async storeTaskResult(): Promise<void> {
    throw new McpError(
      ErrorCode.InvalidRequest,
      "A Bureau task's result is its own; it cannot be stored from outside.",
    );
  }

  async getTaskResult(taskId: string): Promise<Result> {
    this.require("tasks:read");
    return guarded({ taskId }, async () => {
      if (!(await this.find(taskId))) throw new McpError(ErrorCode.InvalidParams, `Task not found: ${taskId}`);
      return callToolResult(await loadTaskAnswer(this.principal.orgId, taskId));
    });
  }

  /** Only cancelling comes from outside: it is Bureau's cancel, waited for until the task has stopped. */
  async updateTaskStatus(taskId: string, status: McpTask["status"]): Promise<void> {
    if (status !== "cancelled")
      throw new McpError(ErrorCode.InvalidRequest, "A Bureau task changes state by running; it can only be cancelled.");
    this.require("tasks:write");
    await guarded({ taskId }, async () => {
      const task = await this.find(taskId);
      if (!task) throw new McpError(ErrorCode.InvalidParams, `Task not found: ${taskId}`);
      const orgId = this.principal.orgId;
      await requestCancel({ orgId, taskId: task.id });
      const afterId = await lastTaskEventId({ orgId, taskId: task.id });
      const signal = AbortSignal.timeout(CANCEL_SETTLE_MS);
      for await (const _event of streamTaskEvents({ orgId, taskId: task.id, signal, afterId })) void _event;
    });
  }

  async listTasks(cursor?: string): Promise<{ tasks: McpTask[]; nextCursor?: string }> {
    this.require("tasks:read");
    return guarded({}, async () => {
      const after = cursor === undefined ? null : parsePathParam(zId, cursor);
      if (cursor !== undefined && !after) throw new McpError(ErrorCode.InvalidParams, "That cursor is not valid.");
      const rows = await db.task.findMany({
        where: { orgId: this.principal.orgId, source: "MCP", ...(after ? { id: { lt: after } } : {}) },
        orderBy: { id: "desc" },
        take: LIST_PAGE + 1,
        select: { id: true, state: true, statusMessage: true, createdAt: true, updatedAt: true },
      });
      const page = rows.slice(0, LIST_PAGE);
      const nextCursor = rows.length > LIST_PAGE ? page.at(-1)?.id : undefined;
      return { tasks: page.map(toMcpTask), ...(nextCursor ? { nextCursor } : {}) };
    });
  }
}
