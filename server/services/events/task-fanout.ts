import "server-only";
import { redisConfigured } from "../../redis";
import { ORG_EVENTS_CHANNEL } from "./catalogue";
import { publishOnRedis, REDIS_TASK_EVENTS_CHANNEL } from "./redis-fanout";

/** What wakes the streams of a task: the event's org, task and id (the id as a decimal string). */
export interface TaskNotification {
  orgId: string;
  taskId: string;
  id: string;
}

/**
 * Wakes the live streams of other app processes through Redis, where
 * REDIS_URL is set. Contract for writers of task events:
 *
 * - Call it AFTER the transaction that wrote the events committed, with one
 *   notification per event written (or at least the last event of each task):
 *   `await publishTaskNotifications([{ orgId, taskId, id: String(eventId) }])`.
 *   Before commit a woken stream would re-read and find nothing, then sleep
 *   past the event.
 * - Keep the `pg_notify` inside the transaction: it is the only fan-out
 *   without Redis, and a process listening on Postgres needs it.
 * - Without REDIS_URL this does nothing. It never rejects and never throws:
 *   an unreachable Redis is logged (throttled) and the streams catch up on
 *   their periodic re-read (15–45 s), as after any lost notification.
 * - Duplicates and reordering are harmless: a stream re-reads the task's log
 *   after its last id, so a repeated or stale notification costs one read.
 * - It costs one Redis round trip (every notification of a call goes in one
 *   pipeline); `void` it where even that must not be waited for.
 */
export async function publishTaskNotifications(payloads: readonly TaskNotification[]): Promise<void> {
  if (!redisConfigured() || payloads.length === 0) return;
  await publishOnRedis(
    REDIS_TASK_EVENTS_CHANNEL,
    payloads.map(({ orgId, taskId, id }) => JSON.stringify({ orgId, taskId, id })),
  );
}

/**
 * The same for the org event log: wakes org event streams and the webhook
 * dispatcher of other processes through Redis, after the transaction that
 * recorded the events committed (`id` = the newest event id of the org).
 * The `pg_notify` of bureau_record_event covers Postgres-only deployments.
 */
export async function publishOrgEventNotifications(payloads: readonly { orgId: string; id: bigint }[]): Promise<void> {
  if (!redisConfigured() || payloads.length === 0) return;
  await publishOnRedis(
    ORG_EVENTS_CHANNEL,
    payloads.map(({ orgId, id }) => `${orgId}:${id}`),
  );
}
