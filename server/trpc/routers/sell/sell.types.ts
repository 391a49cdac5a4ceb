import { z } from "zod";
import { AgentStatus } from "../../../generated/prisma/enums";
import { zId } from "../../../schemas/primitives";
import { ZCardJsonSchema, ZHealthSchema, ZStatusSchema } from "../agents/listing.types";

export const ZAgentIdInputSchema = z.object({ agentId: zId });

/** The status as people read it (server/schemas/listing-state.ts). */
export const ZListingPhaseSchema = z.enum({ ...AgentStatus, UNPUBLISHED: "UNPUBLISHED" });

export const ZSellerListingRowSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  status: ZStatusSchema,
  statusReason: z.string().nullable(),
  pricePerTask: z.number().int(),
  categories: z.array(z.string()),
  health: ZHealthSchema,
  healthFlagged: z.boolean(),
  currentVersion: z.number().int(),
  updatedAt: z.date(),
  taskCount: z.number().int(),
  phase: ZListingPhaseSchema,
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
  lastCheckedAt: z.date().nullable(),
  earningsThisMonth: z.number().int(),
  tasksThisMonth: z.number().int(),
});

export const ZCardChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(["added", "removed", "changed"]),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const ZSellerListingSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  status: ZStatusSchema,
  phase: ZListingPhaseSchema,
  statusReason: z.string().nullable(),
  cardUrl: z.string().nullable(),
  endpointUrl: z.string(),
  pricePerTask: z.number().int(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  streaming: z.boolean(),
  pushNotifications: z.boolean(),
  currentVersion: z.number().int(),
  health: ZHealthSchema,
  healthFailures: z.number().int(),
  healthFlagged: z.boolean(),
  lastCheckedAt: z.date().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  submittedAt: z.date().nullable(),
  reviewedAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  skills: z.array(
    z.object({
      skillId: z.string(),
      name: z.string(),
      description: z.string(),
      tags: z.array(z.string()),
      examples: z.array(z.string()),
    }),
  ),
  versions: z.array(
    z.object({
      version: z.number().int(),
      cardVersion: z.string().nullable(),
      source: z.string(),
      createdAt: z.date(),
      changes: z.array(ZCardChangeSchema),
    }),
  ),
  healthChecks: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      httpStatus: z.number().int().nullable(),
      latencyMs: z.number().int().nullable(),
      error: z.string().nullable(),
      checkedAt: z.date(),
    }),
  ),
  card: ZCardJsonSchema,
});
