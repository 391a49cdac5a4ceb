import type { Db, Tx } from "../../db";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";

/** Postgres channel that wakes live streams when a task event is written. */
export const TASK_EVENTS_CHANNEL = "bureau_task_events";

export type TaskEventKind = "status" | "artifact" | "message";

/**
 * Appends to a task's event log and notifies listeners. Inside a transaction
 * the NOTIFY is delivered on commit, so nobody is woken for a rolled-back row.
 */
export async function appendTaskEvent(
  client: Db | Tx,
  input: { taskId: string; orgId: string; kind: TaskEventKind; data: Record<string, unknown> },
): Promise<bigint> {
  const row = await client.taskEvent.create({
    data: { taskId: input.taskId, orgId: input.orgId, kind: input.kind, data: input.data as InputJsonValue },
    select: { id: true },
  });
  const payload = JSON.stringify({ orgId: input.orgId, taskId: input.taskId, id: row.id.toString() });
  await client.$executeRaw`SELECT pg_notify(${TASK_EVENTS_CHANNEL}, ${payload})`;
  return row.id;
}
