import "server-only";
import { isFinalRun, loadRun } from "./run-context";
import { setRunState } from "./run-state";
import { createPendingSteps } from "./step-rows";

/**
 * The first step of an execution: the run goes RUNNING (a retried run already
 * is), and every top-level node gets its PENDING row so the canvas shows the
 * whole run from the start. Rows that ended in an earlier generation are
 * kept: the engine goes on from them. False when the run is gone.
 */
export async function beginRun(runId: string): Promise<boolean> {
  const run = await loadRun(runId);
  if (!run) return false;
  if (isFinalRun(run.state)) return true;
  await createPendingSteps(
    run.id,
    run.graph.nodes.filter((n) => !n.parentId).map((n) => n.id),
  );
  await setRunState(run.id, { to: "RUNNING", from: ["PENDING"] });
  return true;
}
