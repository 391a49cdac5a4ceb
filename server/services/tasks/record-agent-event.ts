import "server-only";
import type {
  Message,
  StreamResponse,
  Task as A2ATask,
  TaskArtifactUpdateEvent,
  TaskStatusUpdateEvent,
} from "@a2a-js/sdk";
import type { TaskState } from "../../generated/prisma/enums";
import { fromSdkArtifact, fromSdkMessage, fromSdkState, isTerminal, messageText } from "../../a2a/bureau-format";
import { ACTIVE_STATES } from "./transitions";
import { writeTask, type StatusChange } from "./write-task";

export interface RunTarget {
  taskId: string;
  orgId: string;
}

/** States a status update may move a task from, per target state. */
function allowedFrom(to: TaskState): TaskState[] {
  if (to === "WORKING") return ["SUBMITTED", "WORKING", "INPUT_REQUIRED"];
  if (to === "SUBMITTED") return ["SUBMITTED"];
  return ACTIVE_STATES;
}

/** What the run adds to the agent's response in the same write (the acknowledged turn). */
export interface RecordExtras {
  sentTurn?: number;
}

const remoteOf = (value: { taskId?: string; contextId?: string; id?: string }, id: string | undefined) =>
  id ? { taskId: id, contextId: value.contextId ?? "" } : undefined;

function statusChange(
  update: Pick<TaskStatusUpdateEvent, "status">,
  { streamed }: { streamed: boolean },
): StatusChange | undefined {
  const state = fromSdkState(update.status?.state);
  if (!state) return undefined;
  const message = update.status?.message ? fromSdkMessage(update.status.message) : undefined;
  const text = messageText(message).slice(0, 500) || undefined;
  return { to: state, from: allowedFrom(state), message, statusText: text, logRepeats: streamed };
}

/**
 * Applies a status the agent reported. `streamed` updates are logged even
 * when they repeat the last one (the agent said it again); a snapshot's
 * status is logged only when it changes something.
 */
export async function recordStatus(
  target: RunTarget,
  update: Pick<TaskStatusUpdateEvent, "status" | "taskId" | "contextId">,
  { streamed }: { streamed: boolean },
  extras: RecordExtras = {},
): Promise<TaskState | null> {
  const status = statusChange(update, { streamed });
  if (!status && extras.sentTurn === undefined) return null;
  await writeTask({
    taskId: target.taskId,
    orgId: target.orgId,
    remote: remoteOf(update, update.taskId),
    status,
    ...extras,
  });
  return status?.to ?? null;
}

/**
 * Stores an artifact chunk and logs it (writeTask: one transaction under the
 * task's lock, so concurrent writers cannot lose a chunk). A chunk with
 * `append` adds its parts to the stored ones; otherwise it replaces them.
 */
export async function recordArtifact(
  target: RunTarget,
  update: Pick<TaskArtifactUpdateEvent, "artifact" | "append" | "lastChunk" | "taskId" | "contextId">,
  extras: RecordExtras = {},
) {
  if (!update.artifact && extras.sentTurn === undefined) return;
  await writeTask({
    taskId: target.taskId,
    orgId: target.orgId,
    remote: remoteOf(update, update.taskId),
    artifacts: update.artifact
      ? [{ artifact: fromSdkArtifact(update.artifact), append: update.append, lastChunk: update.lastChunk }]
      : [],
    ...extras,
  });
}

/**
 * A whole Task snapshot (a blocking reply, a GetTask poll, the first frame
 * of a subscription), in one write: the agent's ids, artifacts whose
 * content changed (stored whole), and the status if it moves the task. A
 * snapshot that ends the task settles it in the same transaction.
 */
export async function recordTaskSnapshot(
  target: RunTarget,
  task: A2ATask,
  extras: RecordExtras = {},
): Promise<TaskState | null> {
  const status = statusChange({ status: task.status }, { streamed: false });
  await writeTask({
    taskId: target.taskId,
    orgId: target.orgId,
    remote: remoteOf(task, task.id),
    artifacts: task.artifacts.map((artifact) => ({
      artifact: fromSdkArtifact(artifact),
      append: false,
      lastChunk: true,
      snapshot: true,
    })),
    status,
    ...extras,
  });
  return status?.to ?? null;
}

/** An agent may answer with a bare Message: that is its complete reply. */
export async function recordDirectMessage(
  target: RunTarget,
  message: Message,
  extras: RecordExtras = {},
): Promise<TaskState> {
  const bureau = fromSdkMessage(message);
  await writeTask({
    taskId: target.taskId,
    orgId: target.orgId,
    artifacts: [
      {
        artifact: fromSdkArtifact({
          artifactId: `reply-${message.messageId}`,
          name: "Reply",
          description: "",
          parts: message.parts,
          metadata: undefined,
          extensions: [],
        }),
        append: false,
        lastChunk: true,
      },
    ],
    status: {
      to: "COMPLETED",
      from: ACTIVE_STATES,
      message: bureau,
      statusText: messageText(bureau).slice(0, 500) || undefined,
    },
    ...extras,
  });
  return "COMPLETED";
}

/** Applies one streamed response; returns the task state it implies, if any. */
export async function recordStreamResponse(
  target: RunTarget,
  response: StreamResponse,
  extras: RecordExtras = {},
): Promise<TaskState | null> {
  const payload = response.payload;
  if (!payload) return null;
  switch (payload.$case) {
    case "task":
      return recordTaskSnapshot(target, payload.value, extras);
    case "message":
      return recordDirectMessage(target, payload.value, extras);
    case "statusUpdate":
      return recordStatus(target, payload.value, { streamed: true }, extras);
    case "artifactUpdate":
      await recordArtifact(target, payload.value, extras);
      return null;
  }
}

/** The run stops listening once the agent finished or waits for the buyer. */
export const isPause = (state: TaskState | null) =>
  state !== null && (isTerminal(state) || state === "INPUT_REQUIRED" || state === "AUTH_REQUIRED");
