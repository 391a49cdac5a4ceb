import "server-only";
import type {
  AgentCard,
  ListTaskPushNotificationConfigsResponse,
  ListTasksResponse,
  Message,
  StreamResponse,
  Task as A2ATask,
  TaskPushNotificationConfig,
} from "@a2a-js/sdk";
import type { A2ARequestHandler } from "@a2a-js/sdk/server";
import { TaskNotCancelableError, UnsupportedOperationError } from "@a2a-js/sdk/errors";
import type { z } from "zod";
import type { ApiKeyScope } from "../auth/api-key-scopes";
import { DomainError } from "../errors";
import { isGrantChild } from "../services/delegation/delegated-parent";
import { loadA2ATask, loadA2ATaskSnapshot, toA2ATask } from "../services/tasks/a2a-task";
import { requestCancel } from "../services/tasks/cancel-task";
import { listA2ATasks } from "../services/tasks/list-a2a-tasks";
import { db } from "../db";
import { fromOwnSdkState, isTerminal } from "../a2a/bureau-format";
import { toGatewayError } from "./errors";
import { callerForLog, type GatewayPrincipal } from "./gateway-principal";
import { missingScopeMessage } from "./method-scopes";
import { pushConfigs } from "./push-configs";
import * as S from "./request-schemas";
import { followTask, submitMessage, waitForPause, type GatewayAgent } from "./gateway-turns";

export type { GatewayAgent } from "./gateway-turns";

/**
 * Bureau's side of the A2A protocol for one listed agent (or the
 * concierge), on behalf of one org API key or delegation grant, for one
 * request. Every method checks the caller's scope, parses its params
 * (whatever protocol version the SDK decoded them from), then calls the same
 * services the UI uses; reads, lists and cancels are scoped to the caller's
 * org and this agent, and for a grant to the children its task started.
 * Whatever a method throws leaves through toGatewayError.
 */
export class GatewayHandler implements A2ARequestHandler {
  constructor(
    private readonly agent: GatewayAgent,
    private readonly principal: GatewayPrincipal,
  ) {}

  async getAgentCard(): Promise<AgentCard> {
    return this.agent.card;
  }

  async getAuthenticatedExtendedAgentCard(): Promise<AgentCard> {
    return this.agent.card;
  }

  private get orgId() {
    return this.principal.orgId;
  }

  private check<Sch extends z.ZodType>(method: string, scope: ApiKeyScope, schema: Sch, params: unknown) {
    if (!this.principal.scopes.includes(scope))
      throw new DomainError("missing_scope", missingScopeMessage(method, scope));
    return S.parseParams(schema, params);
  }

  private async run<Sch extends z.ZodType, T>(
    method: string,
    scope: ApiKeyScope,
    schema: Sch,
    params: unknown,
    body: (p: z.output<Sch>) => Promise<T>,
  ): Promise<T> {
    try {
      return await body(this.check(method, scope, schema, params));
    } catch (error) {
      throw toGatewayError(error, { method, ...callerForLog(this.principal) });
    }
  }

  private async *runStream<Sch extends z.ZodType>(
    method: string,
    scope: ApiKeyScope,
    schema: Sch,
    params: unknown,
    body: (p: z.output<Sch>) => AsyncGenerator<StreamResponse>,
  ): AsyncGenerator<StreamResponse> {
    try {
      yield* body(this.check(method, scope, schema, params));
    } catch (error) {
      throw toGatewayError(error, { method, ...callerForLog(this.principal) });
    }
  }

  /** A grant sees only the children its task started; to it, any other task of the org does not exist. */
  private async assertVisible(taskId: string): Promise<void> {
    if (this.principal.kind === "grant" && !(await isGrantChild(this.principal.grant, taskId)))
      throw new DomainError("task_not_found", `Task ${taskId} not found.`);
    // A department sees only the requests to it (the company: those to no one department).
    const department = this.agent.department;
    if (department && !(await isRequestTo(this.orgId, taskId, department.id)))
      throw new DomainError("task_not_found", `Task ${taskId} not found.`);
  }

  private async taskOrThrow(taskId: string, historyLength?: number): Promise<A2ATask> {
    await this.assertVisible(taskId);
    const task = await loadA2ATask({ orgId: this.orgId, taskId, agentId: this.agent.agentId, historyLength });
    if (!task) throw new DomainError("task_not_found", `Task ${taskId} not found.`);
    return task;
  }

  private async snapshotOrThrow(taskId: string) {
    await this.assertVisible(taskId);
    const snapshot = await loadA2ATaskSnapshot({ orgId: this.orgId, taskId, agentId: this.agent.agentId });
    if (!snapshot) throw new DomainError("task_not_found", `Task ${taskId} not found.`);
    return snapshot;
  }

  sendMessage(params: unknown): Promise<Message | A2ATask> {
    return this.run("SendMessage", "tasks:write", S.ZSendMessageSchema, params, async (p) => {
      const { taskId, afterId } = await submitMessage(this.agent, this.principal, p);
      const historyLength = p.configuration?.historyLength;
      if (p.configuration?.returnImmediately) return this.taskOrThrow(taskId, historyLength);
      // The turn ran here: the write that paused it brought the task's view, so no second read.
      const paused = await waitForPause(this.orgId, taskId, afterId);
      const own = paused && (!this.agent.agentId || paused.agentId === this.agent.agentId);
      return own ? toA2ATask(paused, historyLength) : this.taskOrThrow(taskId, historyLength);
    });
  }

  sendMessageStream(params: unknown): AsyncGenerator<StreamResponse> {
    return this.runStream("SendStreamingMessage", "tasks:write", S.ZSendMessageSchema, params, (p) =>
      this.sendAndFollow(p),
    );
  }

  private async *sendAndFollow(p: z.output<typeof S.ZSendMessageSchema>): AsyncGenerator<StreamResponse> {
    const { taskId } = await submitMessage(this.agent, this.principal, p);
    yield* followTask(this.orgId, await this.snapshotOrThrow(taskId));
  }

  getTask(params: unknown): Promise<A2ATask> {
    return this.run("GetTask", "tasks:read", S.ZTaskRefSchema, params, (p) => this.taskOrThrow(p.id, p.historyLength));
  }

  listTasks(params: unknown): Promise<ListTasksResponse> {
    return this.run("ListTasks", "tasks:read", S.ZListTasksSchema, params, (p) =>
      listA2ATasks({
        orgId: this.orgId,
        // A grant lists only what its task started.
        parentTaskId: this.principal.kind === "grant" ? this.principal.grant.taskId : undefined,
        requestsTo: this.agent.department ? this.agent.department.id : undefined,
        agentId: this.agent.agentId,
        contextId: p.contextId || undefined,
        state: fromOwnSdkState(p.status) ?? undefined,
        updatedAfter: p.statusTimestampAfter ? new Date(p.statusTimestampAfter) : undefined,
        pageSize: p.pageSize,
        pageToken: p.pageToken || undefined,
        historyLength: p.historyLength,
        includeArtifacts: p.includeArtifacts,
      }),
    );
  }

  cancelTask(params: unknown): Promise<A2ATask> {
    return this.run("CancelTask", "tasks:write", S.ZTaskRefSchema, params, async ({ id }) => {
      const task = await this.taskOrThrow(id);
      const state = fromOwnSdkState(task.status?.state);
      if (state && isTerminal(state)) throw new TaskNotCancelableError(`Task ${id} already ended.`);
      await requestCancel({ orgId: this.orgId, taskId: id });
      // Give the cancel a moment to land so the caller sees the final state.
      await waitForPause(this.orgId, id, undefined, { signal: AbortSignal.timeout(5_000), throughInput: true });
      return this.taskOrThrow(id);
    });
  }

  resubscribe(params: unknown): AsyncGenerator<StreamResponse> {
    return this.runStream("SubscribeToTask", "tasks:read", S.ZTaskRefSchema, params, (p) => this.subscribe(p.id));
  }

  private async *subscribe(id: string): AsyncGenerator<StreamResponse> {
    const snapshot = await this.snapshotOrThrow(id);
    const state = fromOwnSdkState(snapshot.task.status?.state);
    if (state && isTerminal(state)) throw new UnsupportedOperationError(`Task ${id} already ended; use GetTask.`);
    yield* followTask(this.orgId, snapshot);
  }

  createTaskPushNotificationConfig(params: unknown): Promise<TaskPushNotificationConfig> {
    return this.run("CreateTaskPushNotificationConfig", "tasks:write", S.ZCreatePushConfigSchema, params, async (p) => {
      await this.taskOrThrow(p.taskId);
      return pushConfigs.create(this.orgId, p);
    });
  }

  getTaskPushNotificationConfig(params: unknown): Promise<TaskPushNotificationConfig> {
    return this.run("GetTaskPushNotificationConfig", "tasks:read", S.ZPushConfigRefSchema, params, async (p) => {
      await this.taskOrThrow(p.taskId);
      return pushConfigs.get(this.orgId, p.taskId, p.id);
    });
  }

  listTaskPushNotificationConfigs(params: unknown): Promise<ListTaskPushNotificationConfigsResponse> {
    return this.run("ListTaskPushNotificationConfigs", "tasks:read", S.ZTaskConfigsSchema, params, async (p) => {
      await this.taskOrThrow(p.taskId);
      return { configs: await pushConfigs.list(this.orgId, p.taskId), nextPageToken: "" };
    });
  }

  deleteTaskPushNotificationConfig(params: unknown): Promise<void> {
    return this.run("DeleteTaskPushNotificationConfig", "tasks:write", S.ZDeletePushConfigSchema, params, async (p) => {
      await this.taskOrThrow(p.taskId);
      await pushConfigs.remove(this.orgId, p.taskId, p.id);
    });
  }
}

async function isRequestTo(orgId: string, taskId: string, departmentId: string | null): Promise<boolean> {
  const task = await db.task.findFirst({
    where: { id: taskId, orgId, kind: "MANAGER" },
    select: { departmentId: true },
  });
  return task !== null && task.departmentId === departmentId;
}
