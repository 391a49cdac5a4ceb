import { defineFunction } from "@/server/jobs/types";
import type { EventData } from "@/inngest/events";
import { isTerminal } from "@/server/a2a/bureau-format";
import { exchangeWithAgent } from "@/server/services/tasks/exchange-with-agent";
import { failTask } from "@/server/services/tasks/fail-task";
import { requestPush } from "@/server/services/tasks/push-notifications";
import { settleTask } from "@/server/services/tasks/settle-task";

/**
 * A task's first turn: call the seller's agent, record what it says, and
 * settle the hold once the task ends. A task that asks for input stays open
 * (and its hold held) until continue-agent-task runs the next turn.
 */
export default defineFunction<EventData<"task/started">>(
  { id: "run-agent-task", trigger: { event: "task/started" }, retries: 3, concurrency: { limit: 50, key: "taskId" } },
  async ({ event, step }) => {
    const { taskId } = event.data;
    const outcome = await step.run("exchange", () => exchangeWithAgent({ taskId, turn: 1 }));
    if (isTerminal(outcome.state)) await step.run("settle", () => settleTask({ taskId }));
    await step.run("push", () => requestPush({ taskId }));
    return outcome;
  },
  async ({ event, error }) => {
    await failTask({ taskId: event.data.taskId, reason: `The agent could not be reached: ${error.message}` });
  },
);
