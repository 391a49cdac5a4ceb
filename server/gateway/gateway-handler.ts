import type {
  AgentCard,
  CancelTaskRequest,
  DeleteTaskPushNotificationConfigRequest,
  GetTaskPushNotificationConfigRequest,
  GetTaskRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTaskPushNotificationConfigsResponse,
  ListTasksRequest,
  ListTasksResponse,
  Message,
  SendMessageRequest,
  StreamResponse,
  SubscribeToTaskRequest,
  Task as A2ATask,
  TaskPushNotificationConfig,
} from "@a2a-js/sdk";
import type { A2ARequestHandler, ServerCallContext } from "@a2a-js/sdk/server";
import { RequestMalformedError, TaskNotCancelableError, TaskNotFoundError } from "@a2a-js/sdk/errors";
import type { ApiKeyPrincipal } from "../services/api-keys/authenticate-api-key";
import { requestCancel } from "../services/tasks/cancel-task";
import { streamTaskEvents } from "../services/events/stream-task-events";
import { replyToTask } from "../services/tasks/reply-to-task";
import { startTask } from "../services/tasks/start-task";
import { db } from "../db";
import { fromSdkMessage, fromSdkState, isTerminal, messageText } from "../a2a/bureau-format";
import { mapRefusals } from "./errors";
import { listA2ATasks } from "./list-tasks";
import { pushConfigs } from "./push-configs";
import { loadA2ATask, toStreamEvent } from "../services/tasks/a2a-task";

/**
 * What a gateway endpoint serves: one listed agent, or (the concierge) an
 * agent chosen per message. `agentId` scopes reads to that agent's tasks.
 */
export interface GatewayAgent {
  card: AgentCard;
  agentId?: string;
  pickAgent: (messageText: string) => Promise<string>;
}

/**
 * Bureau's side of the A2A protocol for one listed agent, on behalf of one
 * org API key. Every call maps to the same services the UI uses: a message
 * starts (or continues) a Bureau task through startTask, and task reads,
 * lists and cancels are scoped to the key's org and this agent.
 */
export class GatewayHandler implements A2ARequestHandler {
  constructor(
    private readonly agent: GatewayAgent,
    private readonly principal: ApiKeyPrincipal,
  ) {}

  async getAgentCard(): Promise<AgentCard> {
    return this.agent.card;
  }

  async getAuthenticatedExtendedAgentCard(): Promise<AgentCard> {
    return this.agent.card;
  }

  private async taskOrThrow(taskId: string, historyLength?: number): Promise<A2ATask> {
    const task = await loadA2ATask({ orgId: this.principal.orgId, taskId, agentId: this.agent.agentId, historyLength });
    if (!task) throw new TaskNotFoundError(`Task ${taskId} not found.`);
    return task;
  }

  /** Starts a task, or continues one that asked for input when the message names it. */
  private async submit(params: SendMessageRequest): Promise<{ taskId: string; afterId: bigint }> {
    const message = params.message;
    if (!message || message.parts.length === 0)
      throw new RequestMalformedError("The message must have at least one part.");
    const bureauMessage = { ...fromSdkMessage(message), role: "user" as const };
    return mapRefusals(async () => {
      if (message.taskId) {
        const existing = await this.taskOrThrow(message.taskId);
        const afterId = await lastEventId(existing.id);
        await replyToTask({ orgId: this.principal.orgId, taskId: existing.id, message: bureauMessage });
        return { taskId: existing.id, afterId };
      }
      const started = await startTask({
        orgId: this.principal.orgId,
        agent: { id: await this.agent.pickAgent(messageText(bureauMessage)) },
        message: bureauMessage,
        actor: { kind: "apiKey", apiKeyId: this.principal.keyId, scopes: this.principal.scopes },
        source: "A2A",
        contextId: message.contextId || undefined,
      });
      if (params.configuration?.taskPushNotificationConfig) {
        await pushConfigs.create(this.principal.orgId, {
          ...params.configuration.taskPushNotificationConfig,
          taskId: started.id,
        });
      }
      return { taskId: started.id, afterId: -1n };
    });
  }

  async sendMessage(params: SendMessageRequest, _context: ServerCallContext): Promise<Message | A2ATask> {
    const { taskId, afterId } = await this.submit(params);
    if (!params.configuration?.returnImmediately) {
      // Blocking: wait until the agent finishes or asks for input.
      for await (const _event of streamTaskEvents({ orgId: this.principal.orgId, taskId, afterId })) void _event;
    }
    return this.taskOrThrow(taskId, params.configuration?.historyLength);
  }

  async *sendMessageStream(params: SendMessageRequest, _context: ServerCallContext): AsyncGenerator<StreamResponse> {
    const { taskId, afterId } = await this.submit(params);
    yield* this.follow(taskId, afterId);
  }

  /** The task snapshot first, then each status and artifact update until it pauses. */
  private async *follow(taskId: string, afterId: bigint): AsyncGenerator<StreamResponse> {
    const snapshot = await this.taskOrThrow(taskId);
    yield { payload: { $case: "task", value: snapshot } };
    const ids = { taskId, contextId: snapshot.contextId };
    // Without a starting point the snapshot already carries what happened so far.
    const after = afterId < 0n ? await lastEventId(taskId) : afterId;
    for await (const event of streamTaskEvents({ orgId: this.principal.orgId, taskId, afterId: after })) {
      const payload = toStreamEvent(event, ids);
      if (payload) yield { payload };
    }
  }

  async getTask(params: GetTaskRequest): Promise<A2ATask> {
    return this.taskOrThrow(params.id, params.historyLength);
  }

  async listTasks(params: ListTasksRequest): Promise<ListTasksResponse> {
    return listA2ATasks({
      orgId: this.principal.orgId,
      agentId: this.agent.agentId,
      contextId: params.contextId || undefined,
      state: params.status ? (fromSdkState(params.status) ?? undefined) : undefined,
      pageSize: params.pageSize,
      pageToken: params.pageToken || undefined,
      historyLength: params.historyLength,
      includeArtifacts: params.includeArtifacts,
    });
  }

  async cancelTask(params: CancelTaskRequest): Promise<A2ATask> {
    const task = await this.taskOrThrow(params.id);
    const state = fromSdkState(task.status?.state);
    if (state && isTerminal(state)) throw new TaskNotCancelableError(`Task ${params.id} already ended.`);
    await mapRefusals(() => requestCancel({ orgId: this.principal.orgId, taskId: params.id }));
    // Give the cancel a moment to land so the caller sees the final state.
    for await (const _event of streamTaskEvents({
      orgId: this.principal.orgId,
      taskId: params.id,
      signal: AbortSignal.timeout(5_000),
      stopAtInputRequired: false,
    }))
      void _event;
    return this.taskOrThrow(params.id);
  }

  async *resubscribe(params: SubscribeToTaskRequest): AsyncGenerator<StreamResponse> {
    const task = await this.taskOrThrow(params.id);
    const state = fromSdkState(task.status?.state);
    if (state && isTerminal(state)) throw new RequestMalformedError(`Task ${params.id} already ended; use GetTask.`);
    yield* this.follow(params.id, -1n);
  }

  async createTaskPushNotificationConfig(params: TaskPushNotificationConfig): Promise<TaskPushNotificationConfig> {
    await this.taskOrThrow(params.taskId);
    return pushConfigs.create(this.principal.orgId, params);
  }

  async getTaskPushNotificationConfig(
    params: GetTaskPushNotificationConfigRequest,
  ): Promise<TaskPushNotificationConfig> {
    await this.taskOrThrow(params.taskId);
    return pushConfigs.get(this.principal.orgId, params.taskId, params.id);
  }

  async listTaskPushNotificationConfigs(
    params: ListTaskPushNotificationConfigsRequest,
  ): Promise<ListTaskPushNotificationConfigsResponse> {
    await this.taskOrThrow(params.taskId);
    return { configs: await pushConfigs.list(this.principal.orgId, params.taskId), nextPageToken: "" };
  }

  async deleteTaskPushNotificationConfig(params: DeleteTaskPushNotificationConfigRequest): Promise<void> {
    await this.taskOrThrow(params.taskId);
    await pushConfigs.remove(this.principal.orgId, params.taskId, params.id);
  }
}

async function lastEventId(taskId: string): Promise<bigint> {
  return (
    (await db.taskEvent.findFirst({ where: { taskId }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? -1n
  );
}
