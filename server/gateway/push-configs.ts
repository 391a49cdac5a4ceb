import "server-only";
import type { TaskPushNotificationConfig } from "@a2a-js/sdk";
import {
  deleteTaskPushConfig,
  getTaskPushConfig,
  listTaskPushConfigs,
  saveTaskPushConfig,
  type TaskPushConfigView,
} from "../services/tasks/task-push-configs";

const toSdk = (row: TaskPushConfigView): TaskPushNotificationConfig => ({
  tenant: "",
  id: row.configId,
  taskId: row.taskId,
  url: row.url,
  token: row.token ?? "",
  authentication: undefined,
});

/** A2A push-notification configs in the SDK's shape, over the org-scoped service. */
export const pushConfigs = {
  async create(
    orgId: string,
    config: { taskId: string; id: string; url: string; token: string },
  ): Promise<TaskPushNotificationConfig> {
    const row = await saveTaskPushConfig({
      orgId,
      taskId: config.taskId,
      configId: config.id || undefined,
      url: config.url,
      token: config.token || undefined,
    });
    return toSdk(row);
  },
  async get(orgId: string, taskId: string, configId: string): Promise<TaskPushNotificationConfig> {
    return toSdk(await getTaskPushConfig({ orgId, taskId, configId: configId || undefined }));
  },
  async list(orgId: string, taskId: string): Promise<TaskPushNotificationConfig[]> {
    return (await listTaskPushConfigs({ orgId, taskId })).map(toSdk);
  },
  async remove(orgId: string, taskId: string, configId: string): Promise<void> {
    await deleteTaskPushConfig({ orgId, taskId, configId });
  },
};
