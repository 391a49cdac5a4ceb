import "server-only";
import { logger } from "../../../logger";
import { cancelNode } from "./cancel-node";
import { finishRun } from "./finish-run";
import { isFinalRun, loadRun } from "./run-context";
import { loadSteps, OPEN } from "./step-rows";

/**
 * The run function's compensation after its steps kept throwing (a bug or a
 * database that stayed away): the tasks of open steps are canceled (their
 * holds released), open steps fail so a retry runs them again, and the run
 * fails with a sentence a user can act on; the details go to the log only.
 */
export async function failRunAfterCrash(runId: string, error: Error): Promise<void> {
  logger.error({ err: error, runId }, "workflow run function failed");
  const run = await loadRun(runId);
  if (!run) return;
  if (!isFinalRun(run.state)) {
    const rows = await loadSteps(runId);
    for (const row of rows.filter((r) => OPEN.includes(r.state) && r.state !== "PENDING"))
      await cancelNode(run, { nodeId: row.nodeId, iterationKey: row.iterationKey }, rows, {
        to: "FAILED",
        message: "Stopped: the engine could not go on with this run.",
      });
  }
  await finishRun(run, {
    state: "FAILED",
    error: { message: "The engine stopped this run after repeated internal errors; retry it.", nodeId: null },
  });
}
