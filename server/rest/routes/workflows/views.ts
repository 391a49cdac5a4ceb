import "server-only";
import type { z } from "zod";
import type { ApiKeyPrincipal } from "../../../services/api-keys/authenticate-api-key";
import type { ApprovalView } from "../../../services/workflows/approval-views";
import { isRunOpen } from "../../../services/workflows/list-approvals";
import type { WorkflowRunDetail } from "../../../services/workflows/run-views";
import type { WorkflowActor } from "../../../services/workflows/workflow-actor";
import type { WorkflowDetail, WorkflowSummary } from "../../../services/workflows/workflow-views";
import type { ZApprovalSchema } from "./approval-schemas";
import type { ZWorkflowRunSchema } from "./run-schemas";
import type { ZWorkflowDetailSchema, ZWorkflowSummarySchema } from "./workflow-schemas";

/**
 * The services' views as the API writes them: every field named (a column
 * added to a view stays private until it is added here and to the schema),
 * dates as ISO strings.
 */

/** The key as the workflow services authorize it (they check its scopes themselves too). */
export const keyActor = (principal: ApiKeyPrincipal): WorkflowActor => ({
  kind: "apiKey",
  apiKeyId: principal.keyId,
  scopes: principal.scopes,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const workflowSummaryJson = (w: WorkflowSummary): z.input<typeof ZWorkflowSummarySchema> => ({
  id: w.id,
  name: w.name,
  description: w.description,
  templateId: w.templateId,
  latestVersion: w.latestVersion,
  publishedAt: iso(w.publishedAt),
  hasUnpublishedChanges: w.hasUnpublishedChanges,
  draftSavedAt: w.draftSavedAt.toISOString(),
  archivedAt: iso(w.archivedAt),
  createdAt: w.createdAt.toISOString(),
  updatedAt: w.updatedAt.toISOString(),
});

export const workflowDetailJson = (w: WorkflowDetail): z.input<typeof ZWorkflowDetailSchema> => ({
  ...workflowSummaryJson(w),
  draftGraph: w.draftGraph,
  hasWebhookSecret: w.hasWebhookSecret,
});

export const approvalJson = (a: ApprovalView & { canDecide: boolean }): z.input<typeof ZApprovalSchema> => ({
  id: a.id,
  title: a.title,
  subject: a.subject,
  state: a.state,
  deadlineAt: a.deadlineAt.toISOString(),
  onTimeout: a.onTimeout,
  approverRoles: a.approverRoles,
  approverUserIds: a.approverUserIds,
  canDecide: a.canDecide,
  comment: a.comment,
  decidedAt: iso(a.decidedAt),
  decidedById: a.decidedById,
  decidedByApiKeyId: a.decidedByApiKeyId,
  createdAt: a.createdAt.toISOString(),
  runId: a.runId,
  stepRunId: a.stepRunId,
  run: a.run,
});

/** Whether a key may decide `approval` now: it has approvals:write, and the approval is still open. */
export function keyCanDecide(approval: ApprovalView, principal: ApiKeyPrincipal, now = Date.now()): boolean {
  return (
    principal.scopes.includes("approvals:write") &&
    approval.state === "PENDING" &&
    approval.deadlineAt.getTime() > now &&
    isRunOpen(approval)
  );
}

export function workflowRunJson(
  run: WorkflowRunDetail & { pendingApprovals: ApprovalView[] },
  principal: ApiKeyPrincipal,
): z.input<typeof ZWorkflowRunSchema> {
  const nodes = new Map(run.graph.nodes.map((n) => [n.id, n]));
  return {
    id: run.id,
    workflowId: run.workflowId,
    workflowName: run.workflowName,
    versionNumber: run.versionNumber,
    state: run.state,
    trigger: run.trigger,
    input: run.input,
    output: run.output,
    error: run.error,
    budgetCapCredits: run.budgetCapCredits,
    spentCredits: run.spentCredits,
    totalCostCredits: run.totalCostCredits,
    parentRunId: run.parentRunId,
    cancelRequestedAt: iso(run.cancelRequestedAt),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    steps: run.steps.map((step) => ({
      id: step.id,
      nodeId: step.nodeId,
      nodeName: nodes.get(step.nodeId)?.name ?? null,
      nodeType: nodes.get(step.nodeId)?.type ?? null,
      iterationKey: step.iterationKey,
      state: step.state,
      attempt: step.attempt,
      taskId: step.taskId,
      output: step.output,
      data: step.data,
      costCredits: step.costCredits,
      error: step.error,
      startedAt: iso(step.startedAt),
      finishedAt: iso(step.finishedAt),
    })),
    // A run that ended waits on nothing: its undecided approvals can no longer be decided (GET /approvals agrees).
    pendingApprovals: isRunOpen({ run: { state: run.state } })
      ? run.pendingApprovals.map((a) => approvalJson({ ...a, canDecide: keyCanDecide(a, principal) }))
      : [],
  };
}
