import "server-only";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { checkWorkflowGraph, type GraphCheck } from "./check-workflow-graph";
import { findOrgWorkflow } from "./find-org-workflow";
import { publishVersion, type PublishedVersion } from "./publish-version";
import { readStoredGraph } from "./stored-graph";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

export interface PublishWorkflowInput {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
  note?: string | null;
  /** The draftSavedAt the publisher looked at: a draft saved since is not published unseen. */
  expectedSavedAt?: Date;
}

/**
 * Publishes the saved draft as the next immutable version. A draft with any
 * error-severity issue is refused (warnings pass), naming the first one and
 * how many there are; nothing is written then.
 */
export async function publishWorkflow(
  input: PublishWorkflowInput,
): Promise<{ version: PublishedVersion; check: GraphCheck }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "write");
  const workflow = await findOrgWorkflow(input.orgId, input.workflowId, {
    draftGraph: true,
    draftSavedAt: true,
    latestVersion: true,
    archivedAt: true,
  });
  if (workflow.archivedAt) throw new DomainError("not_eligible", "This workflow is archived; it cannot be published.");
  if (input.expectedSavedAt && input.expectedSavedAt.getTime() !== workflow.draftSavedAt.getTime())
    throw new DomainError("conflict", "The draft changed since you opened it. Review the new draft before publishing.");
  const graph = readStoredGraph(workflow.draftGraph, `workflow ${input.workflowId}`);
  const check = await checkWorkflowGraph({ orgId: input.orgId, graph, workflowId: input.workflowId });
  const errors = check.issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
    throw new DomainError("invalid_input", `Fix the workflow before publishing: ${first.message}${more}`, {
      errors: errors.length,
      nodeId: first.nodeId ?? null,
    });
  }
  const version = await eventTransaction((tx) =>
    publishVersion(tx, {
      orgId: input.orgId,
      workflowId: input.workflowId,
      expectedVersion: workflow.latestVersion,
      graph,
      actor: input.actor,
      note: input.note?.trim() || null,
      rolledBackFrom: null,
      resetDraft: false,
      now: new Date(),
    }),
  );
  return { version, check };
}
