import "server-only";
import type { Db, Tx } from "../../db";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";

/** Postgres channel that wakes live streams when a task event is written. */
export const TASK_EVENTS_CHANNEL = "bureau_task_events";

export type TaskEventKind = "status" | "artifact" | "message";

/**
 * Appends to a task's event log and notifies listeners. Inside a transaction
 * the NOTIFY is delivered on commit, so nobody is woken for a rolled-back row.
 *
 * The task's row is locked first, so one task's events commit in id order:
 * without it, an event taking id 10 could commit after one taking id 11, and
 * a live stream that already moved past 11 would never send 10. The lock is
 * held until the transaction ends, which also serialises whatever else the
 * caller writes for the task in it (an artifact's merged content).
 */
export async function appendTaskEvent(
  client: Db | Tx,
  input: { taskId: string; orgId: string; kind: TaskEventKind; data: Record<string, unknown> },
): Promise<bigint> {
  await lockTaskLog(client, input.taskId);
  const row = await client.taskEvent.create({
    data: { taskId: input.taskId, orgId: input.orgId, kind: input.kind, data: input.data as InputJsonValue },
    select: { id: true },
  });
  const payload = JSON.stringify({ orgId: input.orgId, taskId: input.taskId, id: row.id.toString() });
  await client.$executeRaw`SELECT pg_notify(${TASK_EVENTS_CHANNEL}, ${payload})`;
  return row.id;
}

/** Holds the task's row until the transaction ends: one writer of its log (and artifacts) at a time. */
export async function lockTaskLog(client: Db | Tx, taskId: string): Promise<void> {
  await client.$queryRaw`SELECT 1 FROM "Task" WHERE "id" = ${taskId} FOR UPDATE`;
}
