import "server-only";
import { db } from "../../db";
import type { WorkflowGraph } from "../../schemas/workflow-graph";

/** One problem of a graph, for the canvas to pin on a node (and, with a position, on a character). */
export interface GraphIssue {
  severity: "error" | "warning";
  nodeId: string | null;
  /** The node's field at fault ("target", "workflowId", "template", …). */
  field: string | null;
  message: string;
}

/** The listing prices an estimate reads, by slug (published listings only). */
export type ListingPrices = Map<string, { name: string; pricePerTask: number }>;

export interface GraphCheck {
  issues: GraphIssue[];
}

/** Prices of the published listings the graph's agent steps name. */
export async function loadListingPrices(graph: WorkflowGraph): Promise<ListingPrices> {
  const slugs = [
    ...new Set(
      graph.nodes.flatMap((n) =>
        n.type === "agent" && n.config.target.kind === "listing" ? [n.config.target.slug] : [],
      ),
    ),
  ];
  if (slugs.length === 0) return new Map();
  const agents = await db.agent.findMany({
    where: { slug: { in: slugs }, status: "PUBLISHED" },
    select: { slug: true, name: true, pricePerTask: true },
  });
  return new Map(agents.map((a) => [a.slug, { name: a.name, pricePerTask: a.pricePerTask }]));
}

/**
 * The checks that need the database: every listing an agent step names is
 * published, and every sub-workflow is one of the org's own, published, and
 * not this workflow itself.
 */
export async function checkGraphReferences(input: {
  orgId: string;
  graph: WorkflowGraph;
  workflowId: string | null;
  prices: ListingPrices;
}): Promise<GraphIssue[]> {
  const issues: GraphIssue[] = [];
  for (const node of input.graph.nodes) {
    if (node.type === "agent" && node.config.target.kind === "listing" && !input.prices.has(node.config.target.slug))
      issues.push({
        severity: "error",
        nodeId: node.id,
        field: "target",
        message: `“${node.name}” calls ${node.config.target.slug}, which is not a published listing.`,
      });
  }
  const subworkflows = input.graph.nodes.filter((n) => n.type === "subworkflow");
  const ids = [...new Set(subworkflows.map((n) => n.config.workflowId))];
  const found = ids.length
    ? await db.workflow.findMany({
        where: { orgId: input.orgId, id: { in: ids } },
        select: { id: true, latestVersion: true, archivedAt: true },
      })
    : [];
  const byId = new Map(found.map((w) => [w.id, w]));
  for (const node of subworkflows) {
    const target = byId.get(node.config.workflowId);
    const problem =
      node.config.workflowId === input.workflowId
        ? "runs this same workflow, which would never end"
        : !target
          ? "runs a workflow that does not exist in this organization"
          : target.archivedAt
            ? "runs an archived workflow"
            : target.latestVersion === 0
              ? "runs a workflow that has never been published"
              : null;
    if (problem)
      issues.push({ severity: "error", nodeId: node.id, field: "workflowId", message: `“${node.name}” ${problem}.` });
  }
  return issues;
}

/**
 * Everything the builder shows about a graph: the semantic issues and the
 * database checks above.
 */
export async function checkWorkflowGraph(input: {
  orgId: string;
  graph: WorkflowGraph;
  workflowId: string | null;
}): Promise<GraphCheck> {
  const prices = await loadListingPrices(input.graph);
  const issues = await checkGraphReferences({ ...input, prices });
  return { issues };
}
