import "server-only";
import { defineFunction } from "@/server/jobs/types";
import type { EventData } from "@/inngest/events";
import { deliverPush, pushConfigIds } from "@/server/services/tasks/push-notifications";

/** A2A push notifications: each registered webhook gets the task snapshot, retried until it accepts. */
export default defineFunction<EventData<"task/push.requested">>(
  { id: "deliver-task-push", trigger: { event: "task/push.requested" }, retries: 5 },
  async ({ event, step }) => {
    const { taskId } = event.data;
    const configs = await step.run("configs", () => pushConfigIds(taskId));
    for (const configId of configs) await step.run(`deliver-${configId}`, () => deliverPush({ taskId, configId }));
    return { delivered: configs.length };
  },
);
