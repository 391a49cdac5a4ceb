import "server-only";
import type { Task as A2ATask, TaskArtifactUpdateEvent, TaskStatusUpdateEvent } from "@a2a-js/sdk";
import { db, type Tx } from "../../db";
import type { TaskState } from "../../generated/prisma/enums";
import {
  ZBureauMessageSchema,
  toSdkArtifact,
  toSdkMessage,
  toSdkState,
  type BureauArtifact,
  type BureauMessage,
} from "../../a2a/bureau-format";
import type { StoredTaskEvent } from "../events/stream-task-events";
import { queryRows } from "./sql-pool";

const agentText = (id: string, text: string): BureauMessage => ({
  messageId: `status-${id}`,
  role: "agent",
  parts: [{ kind: "text", text }],
});

/** A task as bureau_task_view gives it (migration task_view_from_write): what its caller sees. */
export interface TaskView {
  id: string;
  orgId: string;
  agentId: string;
  contextId: string;
  state: TaskState;
  statusMessage: string | null;
  /** ISO 8601, UTC. */
  updatedAt: string;
  price: number;
  artifacts: { artifactId: string; name: string | null; description: string | null; parts: unknown }[] | null;
  /** The conversation's messages in order; null when read without history. */
  messages: unknown[] | null;
}

const LOAD_TASK_SQL = `
  SELECT bureau_task_view(t.id, $1::boolean) AS view FROM "Task" t
  WHERE t.id = $2 AND t."orgId" = $3 AND ($4::text IS NULL OR t."agentId" = $4::text)`;

/**
 * The caller-facing A2A Task for a Bureau task (its id is Bureau's task id):
 * the task, its artifacts and its conversation in one statement. A blocking
 * SendMessage whose turn this process ran gets the same view from the write
 * that paused the task instead (toA2ATask).
 */
export async function loadA2ATask(input: {
  orgId: string;
  taskId: string;
  agentId?: string;
  historyLength?: number;
  client?: Tx;
}): Promise<A2ATask | null> {
  const withHistory = input.historyLength === undefined || input.historyLength > 0;
  // Outside a transaction on the hot pool.
  const rows = await queryRows<{ view: TaskView }>(
    { text: LOAD_TASK_SQL, values: [withHistory, input.taskId, input.orgId, input.agentId ?? null] },
    input.client,
  );
  return rows[0] ? toA2ATask(rows[0].view, input.historyLength) : null;
}

/** A task view as the A2A Task its caller gets, with at most `historyLength` messages of history. */
export function toA2ATask(task: TaskView, historyLength?: number): A2ATask {
  const ids = { taskId: task.id, contextId: task.contextId };
  const history = (task.messages ?? [])
    .map((m) => ZBureauMessageSchema.safeParse(m))
    .flatMap((r) => (r.success ? [toSdkMessage(r.data, ids)] : []));
  return {
    id: task.id,
    contextId: task.contextId,
    status: {
      state: toSdkState(task.state),
      message: task.statusMessage ? toSdkMessage(agentText(task.id, task.statusMessage), ids) : undefined,
      timestamp: new Date(task.updatedAt).toISOString(),
    },
    artifacts: (task.artifacts ?? []).map((a) =>
      toSdkArtifact({
        artifactId: a.artifactId,
        name: a.name ?? undefined,
        description: a.description ?? undefined,
        parts: a.parts as BureauArtifact["parts"],
      }),
    ),
    history: historyLength === undefined ? history : historyLength <= 0 ? [] : history.slice(-historyLength),
    metadata: { bureau: { priceCredits: task.price } },
  };
}

/** A stored event as the A2A stream event a caller expects, if it maps to one. */
export function toStreamEvent(
  event: StoredTaskEvent,
  ids: { taskId: string; contextId: string },
):
  | { $case: "statusUpdate"; value: TaskStatusUpdateEvent }
  | { $case: "artifactUpdate"; value: TaskArtifactUpdateEvent }
  | null {
  const data = event.data as Record<string, unknown>;
  if (event.kind === "status") {
    const parsed = ZBureauMessageSchema.safeParse(data.message);
    const text = typeof data.text === "string" ? data.text : undefined;
    const message = parsed.success ? parsed.data : text ? agentText(String(event.id), text) : undefined;
    return {
      $case: "statusUpdate",
      value: {
        ...ids,
        status: {
          state: toSdkState(data.state as TaskState),
          message: message ? toSdkMessage(message, ids) : undefined,
          timestamp: event.createdAt.toISOString(),
        },
        metadata: undefined,
      },
    };
  }
  if (event.kind === "artifact") {
    const artifact = data as unknown as BureauArtifact & { append?: boolean; lastChunk?: boolean };
    return {
      $case: "artifactUpdate",
      value: {
        ...ids,
        artifact: toSdkArtifact(artifact),
        append: Boolean(artifact.append),
        lastChunk: artifact.lastChunk !== false,
        metadata: undefined,
      },
    };
  }
  return null;
}

/**
 * The task and the id of the newest event it reflects, read from one
 * database snapshot: a follower that streams events after that id misses
 * none and repeats none (read separately, an event committed between the
 * two reads was in neither).
 */
export async function loadA2ATaskSnapshot(input: {
  orgId: string;
  taskId: string;
  agentId?: string;
  historyLength?: number;
}): Promise<{ task: A2ATask; lastEventId: bigint } | null> {
  return db.$transaction(
    async (tx) => {
      const lastEventId = await lastTaskEventId(input, tx);
      const task = await loadA2ATask({ ...input, client: tx });
      return task ? { task, lastEventId } : null;
    },
    { isolationLevel: "RepeatableRead" },
  );
}

/** The id of the task's newest event (-1 when none): where a follower of its stream starts. */
export async function lastTaskEventId({ orgId, taskId }: { orgId: string; taskId: string }, client: Tx = db) {
  const last = await client.taskEvent.findFirst({
    where: { taskId, orgId },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last?.id ?? -1n;
}
