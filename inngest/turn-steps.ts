import "server-only";
import { isTerminal } from "@/server/a2a/bureau-format";
import type { StepTools } from "@/server/jobs/types";
import { followTurn, sendTurn } from "@/server/services/tasks/agent-turn";
import { failTask } from "@/server/services/tasks/fail-task";
import { requestPush } from "@/server/services/tasks/push-notifications";
import { settleTask } from "@/server/services/tasks/settle-task";

/**
 * The steps of one conversation turn, shared by the first turn
 * (run-agent-task) and every reply (continue-agent-task): hand the message
 * to the agent, follow its task until it ends or asks for input, settle the
 * hold when it ended, and notify the caller's webhooks.
 */
export async function runTurnSteps(step: StepTools, taskId: string, turn: number) {
  const sent = await step.run("send", () => sendTurn({ taskId, turn }));
  const outcome =
    isTerminal(sent.state) || sent.state === "INPUT_REQUIRED"
      ? sent
      : await step.run("follow", () => followTurn({ taskId }));
  if (isTerminal(outcome.state)) await step.run("settle", () => settleTask({ taskId }));
  await step.run("push", () => requestPush({ taskId }));
  return outcome;
}

/** After the last retry: the agent is unreachable, so the task fails and its hold is released. */
export async function failUnreachable(taskId: string, error: Error) {
  await failTask({ taskId, reason: `The agent could not be reached: ${error.message}` });
}
