import "server-only";
import { parseAgentCard } from "../a2a/card/parse-card";
import { db } from "../db";
import { buildDemoAgentCard, DEMO_AGENTS, demoAgentCardUrl } from "../demo-agents/catalog";
import { recordCardVersion } from "../services/registry/record-card-version";

/**
 * Publishes every demo agent as a Northwind Labs listing, idempotently. Cards
 * are built from the specs instead of fetched: the app (which serves them) is
 * not running while the seed runs. Re-running updates a changed card as a new
 * version and leaves everything else alone.
 */
export async function seedCatalog(opts: { sellerOrgId: string; baseUrl: string }): Promise<{ listings: number }> {
  for (const spec of DEMO_AGENTS) {
    const raw = buildDemoAgentCard(spec, opts.baseUrl);
    const parsed = parseAgentCard(raw);
    if (!parsed.ok) throw new Error(`Demo agent ${spec.slug} has an invalid card: ${parsed.errors.join(" ")}`);
    await db.$transaction(async (tx) => {
      const agent = await tx.agent.upsert({
        where: { slug: spec.slug },
        create: {
          orgId: opts.sellerOrgId,
          slug: spec.slug,
          name: spec.name,
          description: spec.description,
          cardUrl: demoAgentCardUrl(spec.slug, opts.baseUrl),
          endpointUrl: parsed.card.endpointUrl,
          pricePerTask: spec.pricePerTask,
          categories: spec.categories,
          tags: spec.tags,
          status: "PUBLISHED",
          submittedAt: new Date(),
          reviewedAt: new Date(),
          publishedAt: new Date(),
        },
        // A new base URL (another port) re-points the card; terms and status stay.
        update: { cardUrl: demoAgentCardUrl(spec.slug, opts.baseUrl) },
        select: { id: true },
      });
      await recordCardVersion(tx, {
        agentId: agent.id,
        card: parsed.card,
        raw: parsed.raw,
        source: "seed",
        reviewEndpointChange: false,
      });
    });
  }
  return { listings: DEMO_AGENTS.length };
}
