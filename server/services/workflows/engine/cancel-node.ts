import "server-only";
import { db } from "../../../db";
import { isDomainError } from "../../../errors";
import { logger } from "../../../logger";
import { cancelWorkflowRun } from "../cancel-workflow-run";
import { cancelStepTask } from "./cancel-work";
import type { NodeAt } from "./plan";
import type { RunContext } from "./run-context";
import { writeStep, type StepRow, OPEN } from "./step-rows";

/**
 * Ends a node whose work no longer matters (a join's losing branch, the rest
 * of a failed loop, what was open when the run failed): the row first, so the
 * node's own step sees it and starts nothing more, then its task (which
 * releases the hold) or its sub-workflow run. A loop takes its open body rows
 * with it.
 */
export async function cancelNode(
  run: RunContext,
  at: NodeAt,
  rows: readonly StepRow[],
  end: { to: "CANCELED" | "FAILED"; message: string },
): Promise<void> {
  const targets = [at, ...openBodyRows(run, at, rows)];
  for (const target of targets) {
    const row = await writeStep(run, target, {
      to: end.to,
      from: OPEN,
      ...(end.to === "FAILED"
        ? {
            error: {
              message: end.message,
              nodeId: target.nodeId,
              ...(target.iterationKey ? { iterationKey: target.iterationKey } : {}),
            },
          }
        : { note: end.message }),
    });
    if (!row) continue;
    // An approval nobody decided yet leaves the inbox with its step: there is nothing left to decide.
    await db.approval.updateMany({
      where: { stepRunId: row.id, state: "PENDING" },
      data: { state: "EXPIRED", decidedAt: new Date(), comment: "The step was canceled before anyone decided." },
    });
    if (row.taskId) await cancelStepTask(run.orgId, row.taskId);
    const childRunId = (row.data as { childRunId?: unknown } | null)?.childRunId;
    if (typeof childRunId === "string") await cancelChild(run, childRunId);
  }
}

function openBodyRows(run: RunContext, at: NodeAt, rows: readonly StepRow[]): NodeAt[] {
  const node = run.graph.nodes.find((n) => n.id === at.nodeId);
  if (node?.type !== "loop") return [];
  const inside = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const n of run.graph.nodes) {
      if (n.parentId && (n.parentId === node.id || inside.has(n.parentId)) && !inside.has(n.id)) {
        inside.add(n.id);
        grew = true;
      }
    }
  }
  const prefix = at.iterationKey ? `${at.iterationKey}.` : "";
  return rows
    .filter((r) => inside.has(r.nodeId) && r.iterationKey.startsWith(prefix) && OPEN.includes(r.state))
    .map((r) => ({ nodeId: r.nodeId, iterationKey: r.iterationKey }));
}

async function cancelChild(run: RunContext, childRunId: string): Promise<void> {
  const child = await db.workflowRun.findUnique({ where: { id: childRunId }, select: { state: true } });
  if (!child || !["PENDING", "RUNNING", "WAITING"].includes(child.state)) return;
  try {
    await cancelWorkflowRun({
      orgId: run.orgId,
      actor: { kind: "workflow", runId: run.id, userId: null },
      runId: childRunId,
      reason: "Its parent step no longer needs it.",
    });
  } catch (error) {
    if (isDomainError(error) && error.code === "already_finished") return;
    logger.warn({ err: error, runId: run.id, childRunId }, "sub-workflow run did not cancel");
    throw error;
  }
}
