import "server-only";
import { db } from "../../../db";
import type { WorkflowGraph } from "../../../schemas/workflow-graph";

/**
 * What an approval puts at stake: the agent steps that can run after it in
 * its scope, their listings (as the "positions" involved) and their summed
 * price. Unknown (null) when a loop after it calls agents (its count is only
 * known at run time) or a step calls something without a listed price.
 */
export async function remainingWork(
  orgId: string,
  graph: WorkflowGraph,
  nodeId: string,
): Promise<{ priceCredits: number | null; positions: { id: string; title: string }[] }> {
  const parentId = graph.nodes.find((n) => n.id === nodeId)?.parentId;
  const scope = new Map(graph.nodes.filter((n) => n.parentId === parentId).map((n) => [n.id, n]));
  const after = new Set<string>();
  const queue = [nodeId];
  while (queue.length) {
    const id = queue.pop()!;
    for (const edge of graph.edges) {
      if (edge.source === id && scope.has(edge.target) && !after.has(edge.target)) {
        after.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  const steps = [...after].map((id) => scope.get(id)!);
  let unknown = steps.some(
    (n) => n.type === "loop" && graph.nodes.some((b) => b.parentId === n.id && b.type === "agent"),
  );
  const slugs: string[] = [];
  for (const step of steps) {
    if (step.type !== "agent") continue;
    if (step.config.target.kind === "listing") slugs.push(step.config.target.slug);
    else unknown = true;
  }
  const listings = slugs.length
    ? await db.agent.findMany({
        where: { slug: { in: slugs }, OR: [{ status: "PUBLISHED" }, { orgId }] },
        select: { slug: true, name: true, pricePerTask: true },
      })
    : [];
  const bySlug = new Map(listings.map((l) => [l.slug, l]));
  if (slugs.some((s) => !bySlug.has(s))) unknown = true;
  const price = slugs.reduce((sum, s) => sum + (bySlug.get(s)?.pricePerTask ?? 0), 0);
  return {
    priceCredits: unknown ? null : price,
    positions: [...new Set(slugs)].flatMap((s) => {
      const l = bySlug.get(s);
      return l ? [{ id: l.slug, title: l.name.slice(0, 200) }] : [];
    }),
  };
}
