import "server-only";
import type { AgentCard, StreamResponse, Task as A2ATask } from "@a2a-js/sdk";
import type { z } from "zod";
import { delegatedParent, isGrantChild } from "../services/delegation/delegated-parent";
import { streamTaskEvents } from "../services/events/stream-task-events";
import { lastTaskEventId, loadA2ATask, toStreamEvent, type TaskView } from "../services/tasks/a2a-task";
import { replyToTask } from "../services/tasks/reply-to-task";
import { startTask } from "../services/tasks/start-task";
import { askDepartment } from "../services/company/requests/ask-department";
import { pushConfigs } from "./push-configs";
import { checkPushUrl } from "../services/tasks/task-push-configs";
import { taskRunner } from "../services/tasks/task-runner";
import { DomainError } from "../errors";
import { fromSdkPart, isTerminal, messageText } from "../a2a/bureau-format";
import type { GatewayPrincipal } from "./gateway-principal";
import type { ZSendMessageSchema } from "./request-schemas";

/**
 * What a gateway endpoint serves: one listed agent, or (the concierge) an
 * agent chosen per message. `agentId` scopes reads to that agent's tasks.
 */
export interface GatewayAgent {
  card: AgentCard;
  agentId?: string;
  pickAgent: (messageText: string) => Promise<string>;
  /**
   * A department of the caller's org (id and slug), or the whole company (both
   * null): a new message starts a request to its manager, and reads see only
   * its requests.
   */
  department?: { slug: string | null; id: string | null };
}

type SendParams = z.output<typeof ZSendMessageSchema>;

/**
 * Starts a task, or continues one that asked for input when the message
 * names it. Returns the event id after which the caller's turn begins. With
 * a delegation grant the task starts as a child of the grant's task (depth,
 * cycle and the tree's budget checked), and only such a child can be
 * continued.
 */
export async function submitMessage(
  agent: GatewayAgent,
  principal: GatewayPrincipal,
  params: SendParams,
): Promise<{ taskId: string; afterId: bigint }> {
  const { message, configuration } = params;
  const bureauMessage = {
    messageId: message.messageId,
    role: "user" as const,
    parts: message.parts.map((part) => fromSdkPart({ ...part, metadata: undefined })),
  };
  const orgId = principal.orgId;
  if (message.taskId) {
    const grant = principal.kind === "grant" ? principal.grant : null;
    const existing =
      grant && !(await isGrantChild(grant, message.taskId))
        ? null
        : await loadA2ATask({ orgId, taskId: message.taskId, agentId: agent.agentId, historyLength: 0 });
    if (!existing) throw new DomainError("task_not_found", `Task ${message.taskId} not found.`);
    const afterId = await lastTaskEventId({ orgId, taskId: existing.id });
    await replyToTask({ orgId, taskId: existing.id, message: bureauMessage });
    return { taskId: existing.id, afterId };
  }
  const push = configuration?.taskPushNotificationConfig;
  if (agent.department) {
    if (principal.kind !== "apiKey") throw new DomainError("forbidden", "Departments take the org's own API keys.");
    if (push) checkPushUrl(push.url);
    const started = await askDepartment({
      orgId,
      departmentSlug: agent.department.slug,
      message: bureauMessage,
      actor: { kind: "apiKey", apiKeyId: principal.keyId, scopes: principal.scopes },
      source: "A2A",
      contextId: message.contextId || undefined,
    });
    if (push) await pushConfigs.create(orgId, { taskId: started.id, id: push.id, url: push.url, token: push.token });
    return { taskId: started.id, afterId: -1n };
  }
  // Saved with the task (so no turn can end before it exists); a bad URL is
  // refused before anything is held.
  const agentId = await agent.pickAgent(messageText(bureauMessage));
  const started = await startTask({
    orgId,
    agent: { id: agentId },
    message: bureauMessage,
    ...(principal.kind === "grant"
      ? {
          actor: { kind: "delegation", taskId: principal.grant.taskId, agentId: principal.grant.agentId },
          parent: await delegatedParent(principal.grant, agentId),
        }
      : { actor: { kind: "apiKey", apiKeyId: principal.keyId, scopes: principal.scopes } }),
    source: "A2A",
    contextId: message.contextId || undefined,
    pushConfig: push ? { configId: push.id || undefined, url: push.url, token: push.token || undefined } : undefined,
  });
  return { taskId: started.id, afterId: -1n };
}

/**
 * Blocks until the task ends or (unless `throughInput`) asks for input, or
 * the signal fires. Resolves with the task as the write that paused it saw
 * it, when this process ran that turn (null otherwise: read it).
 */
export async function waitForPause(
  orgId: string,
  taskId: string,
  afterId?: bigint,
  opts: { signal?: AbortSignal; throughInput?: boolean } = {},
): Promise<TaskView | null> {
  // A turn this process runs says itself when it paused: no log reads. (A
  // caller with a deadline follows the log, which honours its signal.)
  const local = opts.signal ? null : await taskRunner.whenPaused(taskId);
  if (local && (isTerminal(local.state) || (local.state === "INPUT_REQUIRED" && !opts.throughInput)))
    return local.view?.orgId === orgId ? local.view : null;
  const events = streamTaskEvents({
    orgId,
    taskId,
    afterId,
    signal: opts.signal,
    stopAtInputRequired: !opts.throughInput,
  });
  for await (const _event of events) void _event;
  return null;
}

/**
 * The task snapshot first, then each status and artifact update after the
 * newest event the snapshot reflects, until the task pauses.
 */
export async function* followTask(
  orgId: string,
  { task, lastEventId }: { task: A2ATask; lastEventId: bigint },
): AsyncGenerator<StreamResponse> {
  yield { payload: { $case: "task", value: task } };
  const ids = { taskId: task.id, contextId: task.contextId };
  for await (const event of streamTaskEvents({ orgId, taskId: task.id, afterId: lastEventId })) {
    const payload = toStreamEvent(event, ids);
    if (payload) yield { payload };
  }
}
