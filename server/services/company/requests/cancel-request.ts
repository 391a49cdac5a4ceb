import "server-only";
import { db } from "../../../db";
import { isDomainError } from "../../../errors";
import { cancelWorkflowRun } from "../../workflows/cancel-workflow-run";

/**
 * A department request being canceled: its plan's run stops, and the run's
 * cancel cancels every child task (releasing its hold). Nothing for any
 * other task, or a request whose plan already ended.
 */
export async function cancelRequestPlan(taskId: string): Promise<void> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: { kind: true, orgId: true, workflowRunId: true },
  });
  if (task?.kind !== "MANAGER" || !task.workflowRunId) return;
  try {
    await cancelWorkflowRun({
      orgId: task.orgId,
      runId: task.workflowRunId,
      actor: { kind: "system", id: "request-cancel" },
      reason: "The request was canceled.",
    });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "already_finished") throw error;
  }
}
