import type { TaskPushNotificationConfig } from "@a2a-js/sdk";
import { RequestMalformedError, TaskNotFoundError } from "@a2a-js/sdk/errors";
import { db } from "../db";
import { checkFetchableUrl, UnsafeUrlError } from "../net/safe-fetch";

const toConfig = (row: {
  configId: string;
  taskId: string;
  url: string;
  token: string | null;
}): TaskPushNotificationConfig => ({
  tenant: "",
  id: row.configId,
  taskId: row.taskId,
  url: row.url,
  token: row.token ?? "",
  authentication: undefined,
});

/** A2A push-notification configs, stored per task and scoped to the caller's org. */
export const pushConfigs = {
  async create(orgId: string, config: TaskPushNotificationConfig): Promise<TaskPushNotificationConfig> {
    try {
      // Refuse private and metadata addresses now; delivery re-checks every time.
      checkFetchableUrl(config.url);
    } catch (error) {
      if (error instanceof UnsafeUrlError)
        throw new RequestMalformedError(`Push notification URL refused: ${error.message}`);
      throw error;
    }
    const configId = config.id || crypto.randomUUID();
    const row = await db.taskPushConfig.upsert({
      where: { taskId_configId: { taskId: config.taskId, configId } },
      create: { taskId: config.taskId, orgId, configId, url: config.url, token: config.token || null },
      update: { url: config.url, token: config.token || null },
    });
    return toConfig(row);
  },
  async get(orgId: string, taskId: string, configId: string): Promise<TaskPushNotificationConfig> {
    const row = await db.taskPushConfig.findFirst({ where: { orgId, taskId, ...(configId ? { configId } : {}) } });
    if (!row) throw new TaskNotFoundError(`No push notification config ${configId} for task ${taskId}.`);
    return toConfig(row);
  },
  async list(orgId: string, taskId: string): Promise<TaskPushNotificationConfig[]> {
    return (await db.taskPushConfig.findMany({ where: { orgId, taskId }, orderBy: { createdAt: "asc" } })).map(
      toConfig,
    );
  },
  async remove(orgId: string, taskId: string, configId: string): Promise<void> {
    await db.taskPushConfig.deleteMany({ where: { orgId, taskId, configId } });
  },
};
