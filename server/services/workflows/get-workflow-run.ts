import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { APPROVAL_SELECT, toApprovalView, type ApprovalView } from "./approval-views";
import { RUN_SUMMARY_SELECT, STEP_SELECT, toRunDetail, type WorkflowRunDetail } from "./run-views";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

export const runNotFound = () => new DomainError("not_found", "Workflow run not found.");

/**
 * A run as its page, the REST door and a parent run see it: state, the frozen
 * graph, every step (state, output, cost, task) in node order of first start,
 * the approvals it waits on, and the total cost.
 */
export async function getWorkflowRun(input: {
  orgId: string;
  actor: WorkflowActor;
  runId: string;
}): Promise<WorkflowRunDetail & { pendingApprovals: ApprovalView[] }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "read");
  const row = await db.workflowRun.findFirst({
    where: { id: input.runId, orgId: input.orgId },
    select: {
      ...RUN_SUMMARY_SELECT,
      parentNodeId: true,
      graph: true,
      input: true,
      output: true,
      steps: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: STEP_SELECT },
      approvals: { where: { state: "PENDING" }, orderBy: { createdAt: "asc" }, select: APPROVAL_SELECT },
    },
  });
  if (!row) throw runNotFound();
  const { steps, approvals, ...run } = row;
  return { ...toRunDetail(run, steps), pendingApprovals: approvals.map(toApprovalView) };
}
