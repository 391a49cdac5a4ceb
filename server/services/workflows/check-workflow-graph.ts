import "server-only";
import { db } from "../../db";
import type { WorkflowGraph } from "../../schemas/workflow-graph";
import { estimateRunPrice, positionPriceKey, type RunPriceEstimate } from "./graph/estimate-price";
import type { GraphIssue } from "./graph/graph-issue";
import { validateGraph, type ListingInfo } from "./graph/validate-graph";

export type { GraphIssue } from "./graph/graph-issue";
export type { RunPriceEstimate } from "./graph/estimate-price";

/** Everything the builder shows about a graph: its problems (errors block publishing) and what a run may cost. */
export interface GraphCheck {
  issues: GraphIssue[];
  estimate: RunPriceEstimate;
}

/**
 * The listings the graph's agent steps name, as validation and the estimate
 * read them: any public listing (published or paused) and the org's own in
 * any state. Another seller's draft or suspended listing is not shown to
 * exist, so its name never leaks through a validation message.
 */
async function loadListings(orgId: string, graph: WorkflowGraph): Promise<Map<string, ListingInfo>> {
  const slugs = [
    ...new Set(
      graph.nodes.flatMap((n) =>
        n.type === "agent" && n.config.target.kind === "listing" ? [n.config.target.slug] : [],
      ),
    ),
  ];
  if (slugs.length === 0) return new Map();
  const agents = await db.agent.findMany({
    where: { slug: { in: slugs }, OR: [{ status: { in: ["PUBLISHED", "PAUSED"] } }, { orgId }] },
    select: { slug: true, name: true, pricePerTask: true, status: true },
  });
  return new Map(agents.map((a) => [a.slug, { name: a.name, priceCredits: a.pricePerTask, status: a.status }]));
}

/** The prices of the org's hired positions the graph's steps run as (their agents' listed prices). */
async function loadPositionPrices(orgId: string, graph: WorkflowGraph): Promise<[string, number][]> {
  const ids = [
    ...new Set(
      graph.nodes.flatMap((n) =>
        n.type === "agent" && n.config.target.kind === "position" ? [n.config.target.positionId] : [],
      ),
    ),
  ];
  if (ids.length === 0) return [];
  const positions = await db.position.findMany({
    where: { id: { in: ids }, orgId },
    select: { id: true, agent: { select: { pricePerTask: true } } },
  });
  return positions.map((p) => [positionPriceKey(p.id), p.agent.pricePerTask]);
}

/**
 * What validation cannot know from the graph alone about its sub-workflows:
 * whether each is this workflow itself, archived or never published (whether
 * it exists in the org at all is validateGraph's, from `workflowIds`).
 */
async function subworkflowIssues(orgId: string, graph: WorkflowGraph, workflowId: string | null) {
  const nodes = graph.nodes.filter((n) => n.type === "subworkflow");
  const ids = [...new Set(nodes.map((n) => n.config.workflowId))];
  const found = ids.length
    ? await db.workflow.findMany({
        where: { orgId, id: { in: ids } },
        select: { id: true, latestVersion: true, archivedAt: true },
      })
    : [];
  const byId = new Map(found.map((w) => [w.id, w]));
  const issues: GraphIssue[] = [];
  for (const node of nodes) {
    const target = byId.get(node.config.workflowId);
    const problem =
      node.config.workflowId === workflowId
        ? (["subworkflow_self", "runs this same workflow, which would never end"] as const)
        : !target
          ? null
          : target.archivedAt
            ? (["subworkflow_archived", "runs an archived workflow"] as const)
            : target.latestVersion === 0
              ? (["subworkflow_unpublished", "runs a workflow that has never been published"] as const)
              : null;
    if (problem)
      issues.push({
        code: problem[0],
        severity: "error",
        nodeId: node.id,
        field: "config.workflowId",
        message: `"${node.name}" ${problem[1]}.`,
      });
  }
  return { issues, workflowIds: new Set(found.map((w) => w.id)) };
}

/**
 * Validates a graph against the org's data (listings, workflows) and
 * estimates a run's price from the listed prices of the published listings.
 * Used by save (to show), publish (to refuse on errors) and the REST door.
 */
export async function checkWorkflowGraph(input: {
  orgId: string;
  graph: WorkflowGraph;
  /** The workflow being checked, so a sub-workflow node calling it is caught; null for a plan. */
  workflowId: string | null;
}): Promise<GraphCheck> {
  const [listings, subworkflows, positions] = await Promise.all([
    loadListings(input.orgId, input.graph),
    subworkflowIssues(input.orgId, input.graph, input.workflowId),
    loadPositionPrices(input.orgId, input.graph),
  ]);
  const issues = [
    ...validateGraph(input.graph, { listings, workflowIds: subworkflows.workflowIds }),
    ...subworkflows.issues,
  ].sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
  const prices = new Map([
    ...[...listings].flatMap(([slug, l]) => (l.status === "PUBLISHED" ? [[slug, l.priceCredits] as const] : [])),
    ...positions,
  ]);
  return { issues, estimate: estimateRunPrice(input.graph, prices) };
}
