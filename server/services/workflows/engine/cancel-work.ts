import "server-only";
import { isDomainError } from "../../../errors";
import { requestCancel } from "../../tasks/cancel-task";

/** Asks a step's task to stop (which releases its hold); a task that already ended has nothing to stop. */
export async function cancelStepTask(orgId: string, taskId: string): Promise<void> {
  try {
    await requestCancel({ orgId, taskId });
  } catch (error) {
    if (isDomainError(error) && (error.code === "already_finished" || error.code === "task_not_found")) return;
    throw error;
  }
}
