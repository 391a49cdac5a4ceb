import "server-only";
import type { Db, Tx } from "../../db";

/** Postgres channel that wakes live streams when a task event is written. */
export const TASK_EVENTS_CHANNEL = "bureau_task_events";

export type TaskEventKind = "status" | "artifact" | "message";

export interface NewTaskEvent {
  kind: TaskEventKind;
  data: Record<string, unknown>;
}

/**
 * Appends events to a task's log and notifies listeners once, in one
 * statement however many events (bureau_task_events, which the hot path's
 * SQL functions also use). The caller must hold the task's row (it inserted
 * it, or locked it with lockTaskLog) for the rest of its transaction, so the
 * task's events commit in id order. Inside a transaction the NOTIFY is
 * delivered on commit, so nobody is woken for a rolled-back row. The NOTIFY's
 * channel is TASK_EVENTS_CHANNEL, its payload {orgId, taskId, id} with the
 * newest id. Returns the new ids in order.
 */
export async function insertTaskEvents(
  tx: Tx,
  target: { taskId: string; orgId: string },
  events: readonly NewTaskEvent[],
): Promise<bigint[]> {
  if (events.length === 0) return [];
  const rows = await tx.$queryRaw<{ ids: bigint[] }[]>`
    SELECT bureau_task_events(${target.taskId}, ${target.orgId}, ${events.map((e) => e.kind)}::text[],
      ${events.map((e) => JSON.stringify(e.data))}::text[]::jsonb[]) AS ids`;
  return rows[0]!.ids.map((id) => BigInt(id));
}

/**
 * Appends one event under the task's row lock (taken here): without it, an
 * event taking id 10 could commit after one taking id 11, and a live stream
 * that already moved past 11 would never send 10. The lock is held until the
 * transaction ends, which also serialises whatever else the caller writes
 * for the task in it.
 */
export async function appendTaskEvent(
  client: Tx,
  input: { taskId: string; orgId: string; kind: TaskEventKind; data: Record<string, unknown> },
): Promise<bigint> {
  await lockTaskLog(client, input.taskId);
  const [id] = await insertTaskEvents(client, input, [{ kind: input.kind, data: input.data }]);
  return id!;
}

/** Holds the task's row until the transaction ends: one writer of its log (and artifacts) at a time. */
export async function lockTaskLog(client: Db | Tx, taskId: string): Promise<void> {
  await client.$queryRaw`SELECT 1 FROM "Task" WHERE "id" = ${taskId} FOR UPDATE`;
}
