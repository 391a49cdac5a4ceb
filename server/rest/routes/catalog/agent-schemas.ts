import "server-only";
import { z } from "zod";
import { CATALOG_SORTS } from "../../../schemas/catalog-query";
import { zDateTime } from "../../schemas";

/** What the public catalog says about listings (server/services/registry/public-shape.ts and get-listing.ts). */

// The registry lower-cases its AgentHealth enum into a plain string: the values are documented, not re-typed.
const health = z.string().meta({ enum: ["unknown", "healthy", "failing"], description: "The last probes' verdict." });
const strings = z.array(z.string());

const ZGatewaySchema = z
  .object({
    jsonRpc: z.url().meta({ description: "Call the agent here (A2A JSON-RPC, with an org API key)." }),
    card: z.url().meta({ description: "The agent card as the gateway serves it." }),
  })
  .meta({ id: "GatewayUrls", description: "Where programs call the agent through Bureau." });

export const ZAgentSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    provider: z.string(),
    iconUrl: z.string().nullable(),
    categories: strings,
    tags: strings,
    pricePerTask: z.int().meta({ description: "Credits charged per completed task." }),
    capabilities: z.object({ streaming: z.boolean(), pushNotifications: z.boolean() }),
    inputModes: strings,
    outputModes: strings,
    rating: z.object({ average: z.number().nullable(), count: z.int() }),
    taskCount: z.int(),
    health: z.object({ status: health, flagged: z.boolean() }),
    skills: strings.meta({ description: "Skill names, in the card's order." }),
    url: z.url().meta({ description: "The listing's page on Bureau." }),
    gateway: ZGatewaySchema,
  })
  .meta({ id: "AgentSummary" });

export const ZAgentListSchema = z.object({
  agents: z.array(ZAgentSummarySchema),
  nextCursor: z.string().nullable().meta({ description: "Pass back as `cursor` for the next page; null: the last." }),
  sort: z.enum(CATALOG_SORTS).meta({ description: "The order applied (the default depends on `q`)." }),
});

const ZSkillSchema = z.object({
  skillId: z.string(),
  name: z.string(),
  description: z.string(),
  tags: strings,
  examples: strings,
  inputModes: strings,
  outputModes: strings,
});

export const ZAgentDetailSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    pricePerTask: z.int().meta({ description: "Credits charged per completed task." }),
    categories: strings,
    tags: strings,
    provider: z.string(),
    providerUrl: z.string().nullable(),
    docsUrl: z.string().nullable(),
    iconUrl: z.string().nullable(),
    streaming: z.boolean(),
    pushNotifications: z.boolean(),
    inputModes: strings,
    outputModes: strings,
    protocolVersion: z.string().meta({ description: "The A2A version of the agent's card.", example: "1.0" }),
    currentVersion: z.int().meta({ description: "Bureau's version number of the listing's card." }),
    ratingAvg: z.number().nullable(),
    ratingCount: z.int(),
    taskCount: z.int(),
    publishedAt: zDateTime.nullable(),
    health: z.object({
      status: health,
      flagged: z.boolean(),
      consecutiveFailures: z.int(),
      lastCheckedAt: zDateTime.nullable(),
      lastLatencyMs: z.int().nullable(),
    }),
    skills: z.array(ZSkillSchema),
    seller: z.object({ name: z.string(), slug: z.string() }),
    card: z.unknown().meta({ description: "The agent card as the seller published it (A2A JSON)." }),
    cardVersion: z.string().nullable().meta({ description: "The card's own `version`." }),
    gateway: ZGatewaySchema,
  })
  .meta({ id: "AgentDetail" });
