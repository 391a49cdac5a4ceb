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
import { appendTaskEvent } from "./task-events";
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

export async function recordStatus(
  target: RunTarget,
  update: Pick<TaskStatusUpdateEvent, "status">,
): Promise<TaskState | null> {
  const state = fromSdkState(update.status?.state);
  if (!state) return null;
  const message = update.status?.message ? fromSdkMessage(update.status.message) : undefined;
  const text = messageText(message).slice(0, 500) || undefined;
  await transitionTask({ taskId: target.taskId, to: state, from: allowedFrom(state), message, statusText: text });
  return state;
}

/** Stores an artifact (merging appended chunks) and logs the update. */
export async function recordArtifact(
  target: RunTarget,
  update: Pick<TaskArtifactUpdateEvent, "artifact" | "append" | "lastChunk">,
) {
  if (!update.artifact) return;
  const artifact = fromSdkArtifact(update.artifact);
  await db.$transaction(async (tx) => {
    const existing = await tx.artifact.findUnique({
      where: { taskId_artifactId: { taskId: target.taskId, artifactId: artifact.artifactId } },
    });
    const parts: BureauPart[] =
      update.append && existing ? [...(existing.parts as BureauPart[]), ...artifact.parts] : artifact.parts;
    await tx.artifact.upsert({
      where: { taskId_artifactId: { taskId: target.taskId, artifactId: artifact.artifactId } },
      create: {
        taskId: target.taskId,
        artifactId: artifact.artifactId,
        name: artifact.name ?? null,
        description: artifact.description ?? null,
        parts: parts as InputJsonValue,
      },
      update: { parts: parts as InputJsonValue, ...(artifact.name ? { name: artifact.name } : {}) },
    });
    await appendTaskEvent(tx, {
      taskId: target.taskId,
      orgId: target.orgId,
      kind: "artifact",
      data: { ...artifact, append: update.append, lastChunk: update.lastChunk },
    });
  });
}

/** A whole Task snapshot (blocking replies, GetTask polls). */
export async function recordTaskSnapshot(target: RunTarget, task: A2ATask): Promise<TaskState | null> {
  await rememberRemoteIds(target, task.id, task.contextId);
  const known = new Set(
    (await db.artifact.findMany({ where: { taskId: target.taskId }, select: { artifactId: true } })).map(
      (a) => a.artifactId,
    ),
  );
  for (const artifact of task.artifacts) {
    if (!known.has(artifact.artifactId)) await recordArtifact(target, { artifact, append: false, lastChunk: true });
  }
  return recordStatus(target, { status: task.status });
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
      return recordStatus(target, payload.value);
    case "artifactUpdate":
      await rememberRemoteIds(target, payload.value.taskId, payload.value.contextId);
      await recordArtifact(target, payload.value);
      return null;
  }
}

/** The run stops listening once the agent finished or waits for the buyer. */
export const isPause = (state: TaskState | null) => state !== null && (isTerminal(state) || state === "INPUT_REQUIRED");
