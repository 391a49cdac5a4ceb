import { isJsonRpcError } from "@a2a-js/sdk/errors";
import type { Client } from "@a2a-js/sdk/client";
import { createAgentClient, cardStreams } from "../../a2a/agent-client";
import { ZBureauMessageSchema, isTerminal, toSdkMessage } from "../../a2a/bureau-format";
import { db } from "../../db";
import { env } from "../../env";
import type { TaskState } from "../../generated/prisma/enums";
import { logger } from "../../logger";
import { isPause, recordDirectMessage, recordStreamResponse, recordTaskSnapshot, type RunTarget } from "./record-agent-event";
import { ACTIVE_STATES, transitionTask } from "./transitions";

/** The agent could not be reached or answered garbage: worth retrying. */
export class AgentTransportError extends Error {
  override name = "AgentTransportError";
}

const POLL_MS = 1_000;

async function loadRun(taskId: string, turn: number) {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      id: true, orgId: true, state: true, turn: true, sentTurn: true, remoteTaskId: true, remoteContextId: true, cancelRequestedAt: true, createdAt: true,
      agent: { select: { endpointUrl: true, versions: { orderBy: { version: "desc" }, take: 1, select: { card: true } } } },
    },
  });
  if (!task) return null;
  const turnEvent = await db.taskEvent.findFirst({
    where: { taskId, kind: "message", data: { path: ["turn"], equals: turn } },
    select: { data: true },
  });
  const message = ZBureauMessageSchema.parse((turnEvent?.data as { message?: unknown } | null)?.message);
  return { task, message };
}

/**
 * One turn of a task: sends the buyer's message for `turn` to the seller's
 * agent with the official A2A client (streaming when the card says so),
 * records every status and artifact as it arrives, and returns the state the
 * turn ended in. Transport failures throw AgentTransportError (the durable
 * step retries; a retry resumes via GetTask instead of re-sending). An
 * agent's own error or failure is an outcome, not an exception.
 */
export async function exchangeWithAgent({ taskId, turn }: { taskId: string; turn: number }): Promise<{ state: TaskState }> {
  const run = await loadRun(taskId, turn);
  if (!run) return { state: "FAILED" };
  const { task, message } = run;
  if (isTerminal(task.state) || task.cancelRequestedAt) return { state: task.state };
  const target: RunTarget = { taskId, orgId: task.orgId };

  const deadline = task.createdAt.getTime() + env.TASK_TIMEOUT_MS;
  const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
  const { client, card } = await createAgentClient({ endpointUrl: task.agent.endpointUrl, card: task.agent.versions[0]?.card });
  await transitionTask({ taskId, to: "WORKING", from: ["SUBMITTED"] });

  try {
    const alreadySent = task.sentTurn >= turn && task.remoteTaskId;
    let state: TaskState | null;
    if (alreadySent) {
      state = await recordTaskSnapshot(target, await client.getTask({ tenant: "", id: task.remoteTaskId! }, { signal }));
    } else {
      const sdkMessage = toSdkMessage(message, turn > 1 ? { taskId: task.remoteTaskId ?? undefined, contextId: task.remoteContextId ?? undefined } : {});
      const request = { tenant: "", message: sdkMessage, configuration: { acceptedOutputModes: [], taskPushNotificationConfig: undefined, returnImmediately: false }, metadata: undefined };
      state = cardStreams(card) ? await streamTurn(client, request, target, signal) : await blockingTurn(client, request, target, signal);
      await db.task.updateMany({ where: { id: taskId, sentTurn: { lt: turn } }, data: { sentTurn: turn } });
    }
    while (!isPause(state)) {
      // The agent accepted the work but has not finished: poll until it does.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (signal.aborted) throw signal.reason;
      const fresh = await db.task.findUnique({ where: { id: taskId }, select: { remoteTaskId: true, cancelRequestedAt: true, state: true } });
      if (!fresh?.remoteTaskId || fresh.cancelRequestedAt || isTerminal(fresh.state)) return { state: fresh?.state ?? "FAILED" };
      state = await recordTaskSnapshot(target, await client.getTask({ tenant: "", id: fresh.remoteTaskId }, { signal }));
    }
    return { state: state! };
  } catch (error) {
    return handleExchangeError(error, { taskId, client, signal });
  }
}

async function streamTurn(client: Client, request: Parameters<Client["sendMessageStream"]>[0], target: RunTarget, signal: AbortSignal) {
  let state: TaskState | null = null;
  for await (const response of client.sendMessageStream(request, { signal })) {
    state = (await recordStreamResponse(target, response)) ?? state;
    if (isPause(state)) break;
    const current = await db.task.findUnique({ where: { id: target.taskId }, select: { cancelRequestedAt: true } });
    if (current?.cancelRequestedAt) break;
  }
  return state;
}

async function blockingTurn(client: Client, request: Parameters<Client["sendMessage"]>[0], target: RunTarget, signal: AbortSignal) {
  const result = await client.sendMessage(request, { signal });
  return "status" in result ? recordTaskSnapshot(target, result) : recordDirectMessage(target, result);
}

async function handleExchangeError(error: unknown, ctx: { taskId: string; client: Client; signal: AbortSignal }): Promise<{ state: TaskState }> {
  if (ctx.signal.aborted && ctx.signal.reason instanceof DOMException && ctx.signal.reason.name === "TimeoutError") {
    const task = await db.task.findUnique({ where: { id: ctx.taskId }, select: { remoteTaskId: true } });
    if (task?.remoteTaskId) await ctx.client.cancelTask({ tenant: "", id: task.remoteTaskId, metadata: undefined }).catch(() => undefined);
    const seconds = Math.round(env.TASK_TIMEOUT_MS / 1000);
    await transitionTask({ taskId: ctx.taskId, to: "FAILED", from: ACTIVE_STATES, statusText: `The agent did not finish within ${seconds} s.` });
    return { state: "FAILED" };
  }
  if (isJsonRpcError(error)) {
    // The agent understood us and refused: its answer, not a network fault.
    const text = `The agent returned an error: ${(error as Error).message}`.slice(0, 500);
    await transitionTask({ taskId: ctx.taskId, to: "FAILED", from: ACTIVE_STATES, statusText: text });
    return { state: "FAILED" };
  }
  logger.warn({ err: error, taskId: ctx.taskId }, "agent call failed in transport; will retry");
  throw new AgentTransportError(error instanceof Error ? error.message : String(error));
}
