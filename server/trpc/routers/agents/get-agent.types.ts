import { z } from "zod";
import { zSlug } from "../../../schemas/primitives";
import { ZCardJsonSchema, ZHealthSchema } from "./listing.types";

export const ZGetAgentRequestSchema = z.object({ slug: zSlug });

export const ZAgentSkillSchema = z.object({
  skillId: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  examples: z.array(z.string()),
  inputModes: z.array(z.string()),
  outputModes: z.array(z.string()),
});

export const ZGetAgentResponseSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  pricePerTask: z.number().int(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  provider: z.string(),
  providerUrl: z.string().nullable(),
  docsUrl: z.string().nullable(),
  iconUrl: z.string().nullable(),
  streaming: z.boolean(),
  pushNotifications: z.boolean(),
  inputModes: z.array(z.string()),
  outputModes: z.array(z.string()),
  protocolVersion: z.string(),
  currentVersion: z.number().int(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  taskCount: z.number().int(),
  publishedAt: z.date().nullable(),
  health: ZHealthSchema,
  healthFlagged: z.boolean(),
  healthFailures: z.number().int(),
  lastCheckedAt: z.date().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  seller: z.object({ name: z.string(), slug: z.string() }),
  skills: z.array(ZAgentSkillSchema),
  card: ZCardJsonSchema,
  cardVersion: z.string().nullable(),
  gateway: z.object({ jsonRpc: z.string(), card: z.string() }),
});
