import "server-only";
import type {
  Message,
  StreamResponse,
  Task as A2ATask,
  TaskArtifactUpdateEvent,
  TaskStatusUpdateEvent,
} from "@a2a-js/sdk";
import { db } from "../../db";
import type { TaskState } from "../../generated/prisma/enums";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import {
  fromSdkArtifact,
  fromSdkMessage,
  fromSdkState,
  isTerminal,
  messageText,
  type BureauPart,
} from "../../a2a/bureau-format";
import { appendParts } from "../../schemas/task-event-view";
import { appendTaskEvent, lockTaskLog } from "./task-events";
import { ACTIVE_STATES, transitionTask } from "./transitions";

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

async function rememberRemoteIds(target: RunTarget, remoteTaskId: string, remoteContextId: string) {
  if (!remoteTaskId) return;
  await db.task.updateMany({
    where: { id: target.taskId, remoteTaskId: null },
    data: { remoteTaskId, remoteContextId: remoteContextId || null },
  });
}

/**
 * Applies a status the agent reported. `streamed` updates are logged even
 * when they repeat the last one (the agent said it again); a snapshot's
 * status is logged only when it changes something.
 */
export async function recordStatus(
  target: RunTarget,
  update: Pick<TaskStatusUpdateEvent, "status">,
  { streamed }: { streamed: boolean },
): Promise<TaskState | null> {
  const state = fromSdkState(update.status?.state);
  if (!state) return null;
  const message = update.status?.message ? fromSdkMessage(update.status.message) : undefined;
  const text = messageText(message).slice(0, 500) || undefined;
  await transitionTask({
    taskId: target.taskId,
    to: state,
    from: allowedFrom(state),
    message,
    statusText: text,
    logRepeats: streamed,
  });
  return state;
}

/** JSON with object keys sorted: Postgres' jsonb does not keep key order, so plain JSON text would differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** Same content, however it was cut into text parts (stored chunks are joined; the agent's copy may not be). */
const sameParts = (stored: unknown, parts: readonly BureauPart[]) => {
  const joined = (list: readonly BureauPart[]) => list.reduce<BureauPart[]>((all, p) => appendParts(all, [p]), []);
  return canonical(joined(stored as BureauPart[])) === canonical(joined(parts));
};

/**
 * Stores an artifact and logs the update, in one transaction under the
 * task's log lock (so concurrent writers cannot lose a chunk). A chunk with
 * `append` adds its parts to the stored ones; otherwise it replaces them.
 * A snapshot (`snapshot: true`, from GetTask or a resubscription) is only
 * recorded when its content differs from what is stored.
 */
export async function recordArtifact(
  target: RunTarget,
  update: Pick<TaskArtifactUpdateEvent, "artifact" | "append" | "lastChunk">,
  { snapshot = false }: { snapshot?: boolean } = {},
) {
  if (!update.artifact) return;
  const artifact = fromSdkArtifact(update.artifact);
  await db.$transaction(async (tx) => {
    await lockTaskLog(tx, target.taskId);
    const where = { taskId_artifactId: { taskId: target.taskId, artifactId: artifact.artifactId } };
    const existing = await tx.artifact.findUnique({ where, select: { parts: true } });
    if (snapshot && existing && sameParts(existing.parts, artifact.parts)) return;
    const append = Boolean(update.append) && !snapshot;
    const parts: BureauPart[] =
      append && existing ? appendParts(existing.parts as BureauPart[], artifact.parts) : artifact.parts;
    await tx.artifact.upsert({
      where,
      create: {
        taskId: target.taskId,
        artifactId: artifact.artifactId,
        name: artifact.name ?? null,
        description: artifact.description ?? null,
        parts: parts as InputJsonValue,
      },
      update: {
        parts: parts as InputJsonValue,
        ...(artifact.name ? { name: artifact.name } : {}),
        ...(artifact.description ? { description: artifact.description } : {}),
      },
    });
    await appendTaskEvent(tx, {
      taskId: target.taskId,
      orgId: target.orgId,
      kind: "artifact",
      data: { ...artifact, append, lastChunk: snapshot ? true : update.lastChunk },
    });
  });
}

/**
 * A whole Task snapshot (a blocking reply, a GetTask poll, the first frame
 * of a subscription): artifacts whose content changed are stored whole, and
 * the status is applied if it moves the task.
 */
export async function recordTaskSnapshot(target: RunTarget, task: A2ATask): Promise<TaskState | null> {
  await rememberRemoteIds(target, task.id, task.contextId);
  for (const artifact of task.artifacts) {
    await recordArtifact(target, { artifact, append: false, lastChunk: true }, { snapshot: true });
  }
  return recordStatus(target, { status: task.status }, { streamed: false });
}

/** An agent may answer with a bare Message: that is its complete reply. */
export async function recordDirectMessage(target: RunTarget, message: Message): Promise<TaskState> {
  const bureau = fromSdkMessage(message);
  await recordArtifact(target, {
    artifact: {
      artifactId: `reply-${message.messageId}`,
      name: "Reply",
      description: "",
      parts: message.parts,
      metadata: undefined,
      extensions: [],
    },
    append: false,
    lastChunk: true,
  });
  await transitionTask({
    taskId: target.taskId,
    to: "COMPLETED",
    from: ACTIVE_STATES,
    message: bureau,
    statusText: messageText(bureau).slice(0, 500) || undefined,
  });
  return "COMPLETED";
}

/** Applies one streamed response; returns the task state it implies, if any. */
export async function recordStreamResponse(target: RunTarget, response: StreamResponse): Promise<TaskState | null> {
  const payload = response.payload;
  if (!payload) return null;
  switch (payload.$case) {
    case "task":
      return recordTaskSnapshot(target, payload.value);
    case "message":
      return recordDirectMessage(target, payload.value);
    case "statusUpdate":
      await rememberRemoteIds(target, payload.value.taskId, payload.value.contextId);
      return recordStatus(target, payload.value, { streamed: true });
    case "artifactUpdate":
      await rememberRemoteIds(target, payload.value.taskId, payload.value.contextId);
      await recordArtifact(target, payload.value);
      return null;
  }
}

/** The run stops listening once the agent finished or waits for the buyer. */
export const isPause = (state: TaskState | null) => state !== null && (isTerminal(state) || state === "INPUT_REQUIRED");
