import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { checkFetchableUrl, UnsafeUrlError } from "../../net/safe-fetch";

/** A push-notification webhook a caller registered on one of its org's tasks. */
export interface TaskPushConfigView {
  configId: string;
  taskId: string;
  url: string;
  token: string | null;
}

const SELECT = { configId: true, taskId: true, url: true, token: true } as const;

/** Refuses private and metadata addresses up front; every delivery checks again. */
export function checkPushUrl(url: string): void {
  try {
    checkFetchableUrl(url);
  } catch (error) {
    if (error instanceof UnsafeUrlError)
      throw new DomainError("invalid_input", `Push notification URL refused: ${error.message}`);
    throw error;
  }
}

async function assertOrgTask(orgId: string, taskId: string): Promise<void> {
  const task = await db.task.findFirst({ where: { id: taskId, orgId }, select: { id: true } });
  if (!task) throw new DomainError("task_not_found", `Task ${taskId} not found.`);
}

/** Creates or replaces (same config id) a webhook on one of the org's tasks. */
export async function saveTaskPushConfig(input: {
  orgId: string;
  taskId: string;
  configId?: string;
  url: string;
  token?: string;
}): Promise<TaskPushConfigView> {
  checkPushUrl(input.url);
  await assertOrgTask(input.orgId, input.taskId);
  const configId = input.configId || crypto.randomUUID();
  const token = input.token || null;
  return db.taskPushConfig.upsert({
    where: { taskId_configId: { taskId: input.taskId, configId } },
    create: { taskId: input.taskId, orgId: input.orgId, configId, url: input.url, token },
    update: { url: input.url, token },
    select: SELECT,
  });
}

/** One config of the task (the first one when no id is given). */
export async function getTaskPushConfig(input: {
  orgId: string;
  taskId: string;
  configId?: string;
}): Promise<TaskPushConfigView> {
  const row = await db.taskPushConfig.findFirst({
    where: { orgId: input.orgId, taskId: input.taskId, ...(input.configId ? { configId: input.configId } : {}) },
    orderBy: { createdAt: "asc" },
    select: SELECT,
  });
  const which = input.configId ? ` "${input.configId}"` : "";
  if (!row) throw new DomainError("not_found", `This task has no push notification config${which}.`);
  return row;
}

export async function listTaskPushConfigs(input: { orgId: string; taskId: string }): Promise<TaskPushConfigView[]> {
  return db.taskPushConfig.findMany({
    where: { orgId: input.orgId, taskId: input.taskId },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: SELECT,
  });
}

export async function deleteTaskPushConfig(input: { orgId: string; taskId: string; configId: string }): Promise<void> {
  await db.taskPushConfig.deleteMany({
    where: { orgId: input.orgId, taskId: input.taskId, configId: input.configId },
  });
}
