import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { findOrgWorkflow } from "./find-org-workflow";
import { publishVersion, type PublishedVersion } from "./publish-version";
import { readStoredGraph } from "./stored-graph";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

/**
 * Rolls back to an older version: its graph is published again as the newest
 * version (history only grows; runs of every version stay pinned to theirs)
 * and becomes the draft. The old graph was publishable when it was published,
 * so it is not checked again; unsaved edits in the draft are replaced.
 */
export async function rollbackWorkflow(input: {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
  toVersion: number;
  note?: string | null;
}): Promise<PublishedVersion> {
  await authorizeWorkflowActor(input.orgId, input.actor, "write");
  const workflow = await findOrgWorkflow(input.orgId, input.workflowId, { latestVersion: true, archivedAt: true });
  if (workflow.archivedAt)
    throw new DomainError("not_eligible", "This workflow is archived; it cannot be rolled back.");
  if (input.toVersion === workflow.latestVersion)
    throw new DomainError("invalid_input", `Version ${input.toVersion} is already the newest version.`);
  const old = await db.workflowVersion.findFirst({
    where: { workflowId: input.workflowId, number: input.toVersion, workflow: { orgId: input.orgId } },
    select: { graph: true },
  });
  if (!old) throw new DomainError("not_found", `This workflow has no version ${input.toVersion}.`);
  const graph = readStoredGraph(old.graph, `version ${input.toVersion} of workflow ${input.workflowId}`);
  return eventTransaction((tx) =>
    publishVersion(tx, {
      orgId: input.orgId,
      workflowId: input.workflowId,
      expectedVersion: workflow.latestVersion,
      graph,
      actor: input.actor,
      note: input.note?.trim() || `Rolled back to version ${input.toVersion}`,
      rolledBackFrom: input.toVersion,
      resetDraft: true,
      now: new Date(),
    }),
  );
}
