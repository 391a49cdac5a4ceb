import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { checkWorkflowGraph, type GraphCheck } from "./check-workflow-graph";
import { graphJson, parseGraphInput } from "./stored-graph";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";
import { findOrgWorkflow } from "./find-org-workflow";
import { toWorkflowDetail, WORKFLOW_DETAIL_SELECT, type WorkflowDetail } from "./workflow-views";

export interface SaveWorkflowDraftInput {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
  graph: unknown;
  name?: string;
  description?: string;
  /**
   * The draftSavedAt the editor last loaded or saved. When given and the draft
   * was saved since (another tab, another member), nothing is written and the
   * save is refused, so autosave never silently overwrites someone's edits.
   */
  expectedSavedAt?: Date;
}

/**
 * Saves the builder's draft. The graph must be well-formed (the schema);
 * semantic problems (cycles, missing settings, unknown references) do not
 * block a save: they come back with the price estimate, for the canvas to
 * show, and block only publishing.
 */
export async function saveWorkflowDraft(
  input: SaveWorkflowDraftInput,
): Promise<{ workflow: WorkflowDetail; check: GraphCheck }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "write");
  const graph = parseGraphInput(input.graph);
  const current = await findOrgWorkflow(input.orgId, input.workflowId, { draftSavedAt: true });
  const name = input.name?.trim();
  if (name === "") throw new DomainError("invalid_input", "Give the workflow a name.");
  const { count } = await db.workflow.updateMany({
    where: {
      id: input.workflowId,
      orgId: input.orgId,
      ...(input.expectedSavedAt ? { draftSavedAt: input.expectedSavedAt } : {}),
    },
    data: {
      draftGraph: graphJson(graph),
      draftSavedAt: new Date(),
      ...(name ? { name } : {}),
      ...(input.description !== undefined ? { description: input.description.trim() } : {}),
    },
  });
  if (count === 0)
    throw new DomainError(
      "conflict",
      `The draft was changed elsewhere since ${current.draftSavedAt.toISOString()}. Reload it before saving again.`,
    );
  const [row, check] = await Promise.all([
    db.workflow.findFirstOrThrow({
      where: { id: input.workflowId, orgId: input.orgId },
      select: WORKFLOW_DETAIL_SELECT,
    }),
    checkWorkflowGraph({ orgId: input.orgId, graph, workflowId: input.workflowId }),
  ]);
  return { workflow: toWorkflowDetail(row), check };
}
