import "server-only";
import { defineFunction } from "@/server/jobs/types";
import type { EventData } from "@/inngest/events";
import { cancelRequestPlan } from "@/server/services/company/requests/cancel-request";
import { cancelAtAgent } from "@/server/services/tasks/cancel-task";
import { requestPush } from "@/server/services/tasks/push-notifications";
import { settleTask } from "@/server/services/tasks/settle-task";

/** Forwards a buyer's cancel to the agent (a request: to its plan's run), then releases the hold. */
export default defineFunction<EventData<"task/cancel.requested">>(
  { id: "cancel-agent-task", trigger: { event: "task/cancel.requested" }, retries: 3 },
  async ({ event, step }) => {
    const { taskId } = event.data;
    // A department request's plan stops first, so none of its children starts meanwhile.
    await step.run("cancel-plan", () => cancelRequestPlan(taskId));
    const result = await step.run("cancel-at-agent", () => cancelAtAgent({ taskId }));
    await step.run("settle", () => settleTask({ taskId }));
    await step.run("push", () => requestPush({ taskId }));
    return result;
  },
);
