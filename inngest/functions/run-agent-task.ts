import { defineFunction } from "@/server/jobs/types";
import type { EventData } from "@/inngest/events";
import { isTerminal } from "@/server/a2a/bureau-format";
import { followTurn, sendTurn } from "@/server/services/tasks/agent-turn";
import { failTask } from "@/server/services/tasks/fail-task";
import { requestPush } from "@/server/services/tasks/push-notifications";
import { settleTask } from "@/server/services/tasks/settle-task";

/**
 * A task's first turn: hand the message to the seller's agent (one step), follow its task to the end (another), and
 * settle the hold once the task ends. A task that asks for input stays open
 * (and its hold held) until continue-agent-task runs the next turn.
 */
export default defineFunction<EventData<"task/started">>(
  { id: "run-agent-task", trigger: { event: "task/started" }, retries: 3 },
  async ({ event, step }) => {
    const { taskId } = event.data;
    const sent = await step.run("send", () => sendTurn({ taskId, turn: 1 }));
    const outcome = isTerminal(sent.state) || sent.state === "INPUT_REQUIRED" ? sent : await step.run("follow", () => followTurn({ taskId }));
    if (isTerminal(outcome.state)) await step.run("settle", () => settleTask({ taskId }));
    await step.run("push", () => requestPush({ taskId }));
    return outcome;
  },
  async ({ event, error }) => {
    await failTask({ taskId: event.data.taskId, reason: `The agent could not be reached: ${error.message}` });
  },
);
