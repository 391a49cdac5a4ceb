import "server-only";
import { isJsonRpcError } from "@a2a-js/sdk/errors";
import type { Client } from "@a2a-js/sdk/client";
import type { AgentCard } from "@a2a-js/sdk";
import { createAgentClient, cardStreams } from "../../a2a/agent-client";
import { ZBureauMessageSchema, isTerminal, toSdkMessage, type BureauMessage } from "../../a2a/bureau-format";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { env } from "../../env";
import type { TaskState } from "../../generated/prisma/enums";
import { logger } from "../../logger";
import {
  isPause,
  recordDirectMessage,
  recordStreamResponse,
  recordTaskSnapshot,
  type RunTarget,
} from "./record-agent-event";
import { ACTIVE_STATES, transitionTask } from "./transitions";
import { delegationGrantFor, withDelegationGrant } from "../delegation/issue-grant";

const isDatabaseError = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError ||
  error instanceof Prisma.PrismaClientUnknownRequestError ||
  error instanceof Prisma.PrismaClientInitializationError;

/** The agent could not be reached or answered garbage: worth retrying. */
export class AgentTransportError extends Error {
  override name = "AgentTransportError";
}

export interface TurnContext {
  target: RunTarget;
  task: TurnTask;
  client: Client;
  card: AgentCard;
  signal: AbortSignal;
}

/** What a turn needs to know about its task and agent. */
export interface TurnTask {
  id: string;
  orgId: string;
  state: TaskState;
  sentTurn: number;
  remoteTaskId: string | null;
  remoteContextId: string | null;
  cancelRequestedAt: Date | null;
  createdAt: Date;
  agent: { endpointUrl: string; versions: { card: unknown }[] };
}

/**
 * A turn started in-process right after startTask, which already knows the
 * task, its agent and the message: the first send then costs no reads.
 */
export interface PreloadedTurn {
  task: TurnTask;
  message: BureauMessage;
}

async function loadTask(taskId: string): Promise<TurnTask | null> {
  return db.task.findUnique({
    where: { id: taskId },
    select: {
      id: true,
      orgId: true,
      state: true,
      sentTurn: true,
      remoteTaskId: true,
      remoteContextId: true,
      cancelRequestedAt: true,
      createdAt: true,
      agent: {
        select: { endpointUrl: true, versions: { orderBy: { version: "desc" }, take: 1, select: { card: true } } },
      },
    },
  });
}

/** Loads the task and an A2A client for its agent; null when there is nothing to do. */
export async function openTurn(taskId: string, preloaded?: TurnTask): Promise<TurnContext | null> {
  const task = preloaded ?? (await loadTask(taskId));
  if (!task || isTerminal(task.state) || task.cancelRequestedAt) return null;
  const { client, card } = await createAgentClient({
    endpointUrl: task.agent.endpointUrl,
    card: task.agent.versions[0]?.card,
  });
  const deadline = task.createdAt.getTime() + env.TASK_TIMEOUT_MS;
  return {
    target: { taskId, orgId: task.orgId },
    task,
    client,
    card,
    signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
  };
}

async function turnMessage(taskId: string, turn: number) {
  const event = await db.taskEvent.findFirst({
    where: { taskId, kind: "message", data: { path: ["turn"], equals: turn } },
    select: { data: true },
  });
  return ZBureauMessageSchema.parse((event?.data as { message?: unknown } | null)?.message);
}

/**
 * Durable step 1 of a turn: hand the buyer's message to the agent and
 * record what it answers. An agent whose card says it streams gets the
 * message over SendStreamingMessage, and this step records every event of
 * that stream, in order, until the agent ends the turn: a stream opened by
 * the send carries all of the agent's updates, while a subscription opened
 * after a non-blocking send only starts with a snapshot of whatever happened
 * in between (progress updates lost, artifact chunks folded together).
 * Other agents get a non-blocking SendMessage (blocking when asked), then
 * followTurn polls if the turn has not ended.
 *
 * The turn is marked sent as soon as the agent acknowledged it (its first
 * event), so a crash afterwards resumes by following the agent's task
 * instead of sending the message twice.
 */
export async function sendTurn({
  taskId,
  turn,
  preloaded,
  blocking = false,
}: {
  taskId: string;
  turn: number;
  preloaded?: PreloadedTurn;
  /**
   * Wait for a non-streaming agent's answer in the send itself (A2A
   * blocking SendMessage) instead of polling GetTask after an immediate
   * acknowledgement: one call and one write for a turn the agent finishes
   * at once. The in-process runner uses it; a crash while waiting resends
   * the message with the same messageId.
   */
  blocking?: boolean;
}): Promise<{ state: TaskState }> {
  const ctx = await openTurn(taskId, preloaded?.task);
  if (!ctx)
    return { state: (await db.task.findUnique({ where: { id: taskId }, select: { state: true } }))?.state ?? "FAILED" };
  if (ctx.task.sentTurn >= turn) return { state: ctx.task.state };
  if (ctx.task.state === "SUBMITTED") await transitionTask({ taskId, to: "WORKING", from: ["SUBMITTED"] });
  // Every message carries a fresh delegation grant (bureau/delegation): the agent may call other listed agents with it.
  const [turnMessageBody, grant] = await Promise.all([
    preloaded?.message ?? turnMessage(taskId, turn),
    delegationGrantFor(taskId),
  ]);
  const message = withDelegationGrant(
    toSdkMessage(
      turnMessageBody,
      turn > 1 ? { taskId: ctx.task.remoteTaskId ?? undefined, contextId: ctx.task.remoteContextId ?? undefined } : {},
    ),
    grant,
  );
  const streams = cardStreams(ctx.card);
  const request = {
    tenant: "",
    message,
    configuration: {
      acceptedOutputModes: [],
      taskPushNotificationConfig: undefined,
      returnImmediately: !streams && !blocking,
    },
    metadata: undefined,
  };
  try {
    if (streams) return { state: (await streamTurn(ctx, request, turn)) ?? "WORKING" };
    const result = await ctx.client.sendMessage(request, { signal: ctx.signal });
    // The reply and the acknowledged turn in one write.
    const sent = { sentTurn: turn };
    const state =
      "status" in result
        ? await recordTaskSnapshot(ctx.target, result, sent)
        : await recordDirectMessage(ctx.target, result, sent);
    return { state: state ?? "WORKING" };
  } catch (error) {
    return handleTurnError(error, ctx);
  }
}

const markSent = (taskId: string, turn: number) =>
  db.task.updateMany({ where: { id: taskId, sentTurn: { lt: turn } }, data: { sentTurn: turn } });

/**
 * Records a SendStreamingMessage stream until the turn pauses (the task
 * ended or needs input), the buyer cancels, or the agent closes the stream
 * early (followTurn then finds out where the task is).
 */
async function streamTurn(
  ctx: TurnContext,
  request: Parameters<Client["sendMessageStream"]>[0],
  turn: number,
): Promise<TaskState | null> {
  let state: TaskState | null = null;
  let sent = false;
  for await (const response of ctx.client.sendMessageStream(request, { signal: ctx.signal })) {
    // The first event acknowledges the turn, in the same write as the event.
    state = (await recordStreamResponse(ctx.target, response, sent ? {} : { sentTurn: turn })) ?? state;
    if (!sent && !response.payload) await markSent(ctx.target.taskId, turn);
    sent = true;
    if (isPause(state) || (await cancelRequested(ctx.target.taskId))) break;
  }
  // An empty stream was still accepted: sending again would repeat the request.
  if (!sent) await markSent(ctx.target.taskId, turn);
  return state;
}

/**
 * Durable step 2, when step 1 did not see the turn end: follow the agent's
 * task until it ends or asks for input, resubscribing when the card says
 * the agent streams, else by polling GetTask. This is also where a run
 * resumes after a crash, so it starts from a GetTask snapshot: the agent
 * may have finished while nobody listened.
 */
export async function followTurn({ taskId }: { taskId: string }): Promise<{ state: TaskState }> {
  const ctx = await openTurn(taskId);
  const current = await db.task.findUnique({ where: { id: taskId }, select: { state: true, remoteTaskId: true } });
  if (!ctx || !current || isPause(current.state)) return { state: current?.state ?? "FAILED" };
  if (!current.remoteTaskId) {
    // Nothing to follow: the agent took the message but never named a task.
    await transitionTask({
      taskId,
      to: "FAILED",
      from: ACTIVE_STATES,
      statusText: "The agent accepted the request but never reported a task to follow.",
    });
    return { state: "FAILED" };
  }
  const remoteId = current.remoteTaskId;
  try {
    let state: TaskState | null = current.state;
    state =
      (await recordTaskSnapshot(
        ctx.target,
        await ctx.client.getTask({ tenant: "", id: remoteId }, { signal: ctx.signal }),
      )) ?? state;
    if (!isPause(state) && cardStreams(ctx.card)) state = await resubscribe(ctx, remoteId, state);
    while (!isPause(state) && !(await cancelRequested(taskId))) {
      state =
        (await recordTaskSnapshot(
          ctx.target,
          await ctx.client.getTask({ tenant: "", id: remoteId }, { signal: ctx.signal }),
        )) ?? state;
      if (!isPause(state)) await sleep(1_000, ctx.signal);
    }
    return { state: (await db.task.findUnique({ where: { id: taskId }, select: { state: true } }))?.state ?? "FAILED" };
  } catch (error) {
    return handleTurnError(error, ctx);
  }
}

async function resubscribe(ctx: TurnContext, remoteId: string, state: TaskState | null): Promise<TaskState | null> {
  try {
    for await (const response of ctx.client.resubscribeTask({ tenant: "", id: remoteId }, { signal: ctx.signal })) {
      state = (await recordStreamResponse(ctx.target, response)) ?? state;
      if (isPause(state) || (await cancelRequested(ctx.target.taskId))) break;
    }
  } catch (error) {
    // An agent refusing the subscription (the task just ended) is answered
    // by GetTask polling; transport faults retry the step.
    if (!isJsonRpcError(error)) throw error;
  }
  return state;
}

const cancelRequested = async (taskId: string) =>
  Boolean(
    (await db.task.findUnique({ where: { id: taskId }, select: { cancelRequestedAt: true } }))?.cancelRequestedAt,
  );

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

async function handleTurnError(error: unknown, ctx: TurnContext): Promise<{ state: TaskState }> {
  const { taskId } = ctx.target;
  if (ctx.signal.aborted && ctx.signal.reason instanceof DOMException && ctx.signal.reason.name === "TimeoutError") {
    const task = await db.task.findUnique({ where: { id: taskId }, select: { remoteTaskId: true } });
    if (task?.remoteTaskId)
      await ctx.client.cancelTask({ tenant: "", id: task.remoteTaskId, metadata: undefined }).catch(() => undefined);
    await transitionTask({
      taskId,
      to: "FAILED",
      from: ACTIVE_STATES,
      statusText: `The agent did not finish within ${Math.round(env.TASK_TIMEOUT_MS / 1000)} s.`,
    });
    return { state: "FAILED" };
  }
  if (isJsonRpcError(error)) {
    // The agent understood us and refused: its answer, not a network fault.
    await transitionTask({
      taskId,
      to: "FAILED",
      from: ACTIVE_STATES,
      statusText: `The agent returned an error: ${(error as Error).message}`.slice(0, 500),
    });
    return { state: "FAILED" };
  }
  // Bureau's own faults (the database busy or down) are not the agent's: they
  // propagate as they are, and the step (or the runner's hand-off) retries.
  if (isDatabaseError(error)) throw error;
  logger.warn({ err: error, taskId }, "agent call failed in transport; will retry");
  throw new AgentTransportError(error instanceof Error ? error.message : String(error));
}
