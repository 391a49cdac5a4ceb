import "server-only";
import { db } from "../../db";
import type { WorkflowGraph } from "../../schemas/workflow-graph";
import { estimateRunPrice, type RunPriceEstimate } from "./graph/estimate-price";
import { WORKFLOW_TEMPLATES, type WorkflowTemplate } from "./templates";

export interface WorkflowTemplateView {
  id: string;
  name: string;
  description: string;
  category: WorkflowTemplate["category"];
  graph: WorkflowGraph;
  sampleInput: Record<string, unknown>;
  /** What a run costs at today's listed prices (the gallery's "estimated price"). */
  estimate: RunPriceEstimate;
}

/**
 * The template gallery with each template's price estimate from the current
 * prices of the published listings it calls. Templates are Bureau's, the
 * same for every org, so this needs no caller beyond a signed-in door.
 */
export async function listWorkflowTemplates(): Promise<WorkflowTemplateView[]> {
  const slugs = [
    ...new Set(
      WORKFLOW_TEMPLATES.flatMap((t) =>
        t.graph.nodes.flatMap((n) =>
          n.type === "agent" && n.config.target.kind === "listing" ? [n.config.target.slug] : [],
        ),
      ),
    ),
  ];
  const agents = await db.agent.findMany({
    where: { slug: { in: slugs }, status: "PUBLISHED" },
    select: { slug: true, pricePerTask: true },
  });
  const prices = new Map(agents.map((a) => [a.slug, a.pricePerTask]));
  return WORKFLOW_TEMPLATES.map((template) => ({
    id: template.id,
    name: template.name,
    description: template.description,
    category: template.category,
    graph: structuredClone(template.graph),
    sampleInput: structuredClone(template.sampleInput),
    estimate: estimateRunPrice(template.graph, prices),
  }));
}
