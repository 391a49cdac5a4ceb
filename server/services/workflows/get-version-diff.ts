import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { WorkflowGraph } from "../../schemas/workflow-graph";
import { diffGraphs, type GraphDiff } from "./graph/diff-graphs";
import { findOrgWorkflow } from "./find-org-workflow";
import { readStoredGraph } from "./stored-graph";
import { authorizeWorkflowActor, type WorkflowActor } from "./workflow-actor";

/** One side of a diff: a published version, or the current draft. */
export interface DiffSide {
  /** The version number; null for the draft. */
  version: number | null;
  graph: WorkflowGraph;
  /** When it was published (or the draft saved). */
  at: Date;
}

/**
 * Two versions of a workflow (or a version and the draft) and what changed
 * from the first to the second, for the history's visual diff. Both graphs
 * come back so the canvas can draw them side by side.
 */
export async function getVersionDiff(input: {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
  from: number;
  to: number | "draft";
}): Promise<{ from: DiffSide; to: DiffSide; diff: GraphDiff }> {
  await authorizeWorkflowActor(input.orgId, input.actor, "read");
  const workflow = await findOrgWorkflow(input.orgId, input.workflowId, { draftGraph: true, draftSavedAt: true });
  const numbers = [input.from, ...(input.to === "draft" ? [] : [input.to])];
  const versions = await db.workflowVersion.findMany({
    where: { workflowId: input.workflowId, workflow: { orgId: input.orgId }, number: { in: numbers } },
    select: { number: true, graph: true, createdAt: true },
  });
  const side = (number: number): DiffSide => {
    const version = versions.find((v) => v.number === number);
    if (!version) throw new DomainError("not_found", `This workflow has no version ${number}.`);
    return {
      version: number,
      graph: readStoredGraph(version.graph, `version ${number} of workflow ${input.workflowId}`),
      at: version.createdAt,
    };
  };
  const from = side(input.from);
  const to =
    input.to === "draft"
      ? {
          version: null,
          graph: readStoredGraph(workflow.draftGraph, `workflow ${input.workflowId}`),
          at: workflow.draftSavedAt,
        }
      : side(input.to);
  return { from, to, diff: diffGraphs(from.graph, to.graph) };
}
