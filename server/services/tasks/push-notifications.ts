import "server-only";
import { V1PushNotificationSerializer } from "@a2a-js/sdk/server";
import { db } from "../../db";
import { sendEvent } from "../../jobs/send";
import { createSafeFetch } from "../../net/safe-fetch";
import { loadA2ATask } from "./a2a-task";
import type { PauseNote } from "./write-task";

// Webhooks are user-given URLs: the SSRF-safe fetcher, a short deadline, and
// no interest in large replies.
const webhookFetch = createSafeFetch({ timeoutMs: 5_000, maxBodyBytes: 64 * 1024 });
const serializer = new V1PushNotificationSerializer();

/** The token header A2A clients expect on push notifications. */
export const PUSH_TOKEN_HEADER = "X-A2A-Notification-Token";

export class PushDeliveryError extends Error {
  override name = "PushDeliveryError";
}

/**
 * Asks for a push of the task's current state, if the caller registered any
 * webhook. `paused`: what the write that just paused the task saw (its
 * state, turn and whether it has webhooks), which saves reading them again.
 */
export async function requestPush({ taskId, paused }: { taskId: string; paused?: PauseNote | null }): Promise<void> {
  const [task] = paused
    ? [{ state: paused.state, turn: paused.turn, configs: paused.pushConfigs }]
    : await db.$queryRaw<{ state: string; turn: number; configs: boolean }[]>`
    SELECT t.state::text AS state, t.turn, EXISTS (SELECT 1 FROM "TaskPushConfig" p WHERE p."taskId" = t.id) AS configs
    FROM "Task" t WHERE t.id = ${taskId}`;
  if (!task?.configs) return;
  await sendEvent({ name: "task/push.requested", id: `${taskId}:${task.turn}:${task.state}`, data: { taskId } });
}

/**
 * POSTs the task snapshot to one webhook. Throws on a transport error or a
 * non-2xx answer so the durable step retries: delivery is at least once.
 */
export async function deliverPush({
  taskId,
  configId,
}: {
  taskId: string;
  configId: string;
}): Promise<{ status: number } | null> {
  const config = await db.taskPushConfig.findFirst({ where: { taskId, configId } });
  if (!config) return null;
  const task = await loadA2ATask({ orgId: config.orgId, taskId, historyLength: 0 });
  if (!task) return null;
  const { body, contentType } = serializer.serialize({ payload: { $case: "task", value: task } }, task);
  const response = await webhookFetch(config.url, {
    method: "POST",
    headers: { "content-type": contentType, ...(config.token ? { [PUSH_TOKEN_HEADER]: config.token } : {}) },
    body,
  });
  await response.body?.cancel();
  if (!response.ok) throw new PushDeliveryError(`Webhook answered ${response.status}`);
  return { status: response.status };
}

export async function pushConfigIds(taskId: string): Promise<string[]> {
  return (await db.taskPushConfig.findMany({ where: { taskId }, select: { configId: true } })).map((c) => c.configId);
}
