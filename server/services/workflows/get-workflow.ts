import "server-only";
import { findOrgWorkflow } from "./find-org-workflow";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";
import { toWorkflowDetail, WORKFLOW_DETAIL_SELECT, type WorkflowDetail } from "./workflow-views";

/** One of the org's workflows with its draft graph; another org's id is "not found". */
export async function getWorkflow(input: {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
}): Promise<WorkflowDetail> {
  await authorizeWorkflowActor(input.orgId, input.actor, "read");
  return toWorkflowDetail(await findOrgWorkflow(input.orgId, input.workflowId, WORKFLOW_DETAIL_SELECT));
}
