import { z } from "zod";
import { AgentStatus } from "../../../generated/prisma/enums";

export const ZHealthSchema = z.enum(["UNKNOWN", "HEALTHY", "FAILING"]);
export const ZStatusSchema = z.enum(AgentStatus);

export const ZListingSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  provider: z.string(),
  iconUrl: z.string().nullable(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  pricePerTask: z.number().int(),
  streaming: z.boolean(),
  pushNotifications: z.boolean(),
  inputModes: z.array(z.string()),
  outputModes: z.array(z.string()),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  taskCount: z.number().int(),
  health: ZHealthSchema,
  healthFlagged: z.boolean(),
  skillNames: z.array(z.string()),
});

/** The card snapshot exactly as the seller published it (the page pretty-prints it). */
export const ZCardJsonSchema = z.unknown();

export const ZCardSourceResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), agentId: z.string(), slug: z.string() }),
  z.object({ ok: z.literal(false), errors: z.array(z.string()) }),
]);
