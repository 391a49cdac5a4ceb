import "server-only";
import { logger } from "../../../logger";
import { writeTask } from "../../tasks/write-task";
import { managerStatus } from "./ask-department";
import { requestTaskOfRun } from "./plan-run";

/**
 * A step of a plan's run moved: the request's task says so, as a status
 * update its streams and pages show (each child's progress on the parent).
 * `waiting`: the run waits for a person's approval, so the request reports
 * AUTH_REQUIRED (over A2A, TASK_STATE_AUTH_REQUIRED) with who must approve;
 * the next note moves it back to WORKING. Best effort: a run that is not a
 * plan has no request, and a note that cannot be written never stops a run.
 */
export async function noteRequestProgress(
  runId: string,
  text: string,
  opts: { waiting?: boolean } = {},
): Promise<void> {
  try {
    const task = await requestTaskOfRun(runId);
    if (!task) return;
    await writeTask({
      taskId: task.id,
      orgId: task.orgId,
      status: managerStatus(opts.waiting ? "AUTH_REQUIRED" : "WORKING", ["WORKING", "AUTH_REQUIRED"], text, {
        logRepeats: true,
      }),
      actor: { kind: "system", id: "manager" },
    });
  } catch (error) {
    logger.warn({ err: error, runId }, "could not note a plan step on its request");
  }
}

/** The request a plan run works for, as the parent of the tasks its steps start. */
export async function parentOfRunTasks(runId: string) {
  const task = await requestTaskOfRun(runId);
  if (!task) return undefined;
  return { taskId: task.id, rootTaskId: task.rootTaskId ?? task.id, depth: task.depth, treeCapCredits: null };
}
