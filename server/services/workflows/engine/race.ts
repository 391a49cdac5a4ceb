import "server-only";
import { cancelNode } from "./cancel-node";
import { planRun } from "./plan";
import { loadRun } from "./run-context";
import { loadSteps, rowViews } from "./step-rows";

/**
 * Called by a step that just succeeded (node-context.ts succeed): if that
 * made a join "first" ready, its losing branches are canceled now rather
 * than at the next wave, so a loser still waiting for its agent inside this
 * wave's Promise.all stops (its task is canceled and its step returns) and
 * the wave does not wait for work whose result nobody will read.
 */
export async function cancelRaceLosers(runId: string): Promise<void> {
  const run = await loadRun(runId);
  if (!run) return;
  const rows = await loadSteps(runId);
  const { cancel } = planRun(run.graph, rowViews(rows));
  for (const at of cancel) {
    await cancelNode(run, at, rows, { to: "CANCELED", message: "Another branch reached the join first." });
  }
}
