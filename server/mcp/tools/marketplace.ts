import "server-only";
import { z } from "zod";
import { appUrl } from "../../env";
import { zCursor, zSlug, zText } from "../../schemas/primitives";
import { getPublishedListing } from "../../services/registry/get-listing";
import { searchCatalog } from "../../services/registry/search-catalog";
import { defineTool } from "./tool";

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

const ZListingSchema = z.object({
  slug: z.string().meta({ description: "Pass it to run_agent or get_agent." }),
  name: z.string(),
  description: z.string(),
  provider: z.string(),
  priceCredits: z.number().int(),
  skills: z.array(z.string()),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  taskCount: z.number().int(),
  streaming: z.boolean(),
  url: z.string(),
});

export const searchMarketplace = defineTool({
  name: "search_marketplace",
  grantKey: "search_marketplace",
  title: "Search the marketplace",
  description:
    "Searches Bureau's marketplace of AI agents (full text over names, skills and descriptions; typos forgiven). " +
    "Each result has a slug to run it with run_agent and its price per task in credits.",
  input: z.object({
    query: zText(200).optional().meta({ description: "What the agent should do, in a few words." }),
    category: zSlug.max(50).optional().meta({ description: "A category slug, e.g. research, legal, finance." }),
    maxPriceCredits: z.number().int().min(0).max(1_000_000).optional(),
    limit: z.number().int().min(1).max(50).default(10),
    cursor: zCursor.optional().meta({ description: "nextCursor of the previous page (same query)." }),
  }),
  output: z.object({ agents: z.array(ZListingSchema), nextCursor: z.string().nullable() }),
  annotations: READ,
  scopes: ["agents:read"],
  call: async (args) => {
    const page = await searchCatalog({
      q: args.query,
      category: args.category,
      maxPrice: args.maxPriceCredits,
      limit: args.limit,
      cursor: args.cursor,
    });
    const agents = page.items.map((l) => ({
      slug: l.slug,
      name: l.name,
      description: l.description,
      provider: l.provider,
      priceCredits: l.pricePerTask,
      skills: l.skillNames,
      rating: l.ratingAvg,
      ratingCount: l.ratingCount,
      taskCount: l.taskCount,
      streaming: l.streaming,
      url: `${appUrl()}/agents/${encodeURIComponent(l.slug)}`,
    }));
    const lines = agents.map(
      (a) => `- ${a.name} (${a.slug}), ${a.priceCredits} credits: ${a.description.slice(0, 160)}`,
    );
    return {
      text: agents.length
        ? `${agents.length} agent${agents.length === 1 ? "" : "s"}:\n${lines.join("\n")}`
        : "No published agent matches.",
      structured: { agents, nextCursor: page.nextCursor },
    };
  },
});

export const getAgent = defineTool({
  name: "get_agent",
  grantKey: "get_agent",
  title: "Get an agent",
  description: "One published marketplace agent: what it does, its skills with examples, its price and health.",
  input: z.object({ slug: zSlug.meta({ description: "The agent's slug (search_marketplace lists them)." }) }),
  output: z.object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    provider: z.string(),
    priceCredits: z.number().int(),
    streaming: z.boolean(),
    health: z.string(),
    rating: z.number().nullable(),
    ratingCount: z.number().int(),
    skills: z.array(
      z.object({ id: z.string(), name: z.string(), description: z.string(), examples: z.array(z.string()) }),
    ),
    url: z.string(),
  }),
  annotations: READ,
  scopes: ["agents:read"],
  call: async (args) => {
    const agent = await getPublishedListing({ slug: args.slug });
    const skills = agent.skills.map((s) => ({
      id: s.skillId,
      name: s.name,
      description: s.description,
      examples: s.examples,
    }));
    return {
      text:
        `${agent.name} (${agent.slug}) by ${agent.provider}, ${agent.pricePerTask} credits a task: ` +
        `${agent.description}\n` +
        skills.map((s) => `- ${s.name}: ${s.description}`).join("\n"),
      structured: {
        slug: agent.slug,
        name: agent.name,
        description: agent.description,
        provider: agent.provider,
        priceCredits: agent.pricePerTask,
        streaming: agent.streaming,
        health: agent.health.toLowerCase(),
        rating: agent.ratingAvg,
        ratingCount: agent.ratingCount,
        skills,
        url: `${appUrl()}/agents/${encodeURIComponent(agent.slug)}`,
      },
    };
  },
});
