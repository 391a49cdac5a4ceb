import "server-only";
import { ACTIVE_STATES, transitionTask } from "./transitions";
import { settleTask } from "./settle-task";

/** Compensation when a run gave up (retries exhausted): fail and release. */
export async function failTask({ taskId, reason }: { taskId: string; reason: string }): Promise<void> {
  await transitionTask({
    taskId,
    to: "FAILED",
    from: ACTIVE_STATES,
    statusText: reason.slice(0, 500),
    actor: { kind: "system", id: "task-recovery" },
  });
  await settleTask({ taskId });
}
