import { z } from "zod";
import { KnowledgeIngestPolicy, KnowledgeProposalState, KnowledgeSource } from "../../../generated/prisma/enums";

/** The shapes the knowledge procedures answer with (the /knowledge UI's types come from these). */

export const ZDepartmentRefSchema = z.object({ id: z.string(), name: z.string(), slug: z.string() });

export const ZEntitySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  summary: z.string(),
  department: ZDepartmentRefSchema.nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZProvenanceSchema = z.object({
  source: z.enum(KnowledgeSource),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  apiKey: z.object({ id: z.string(), name: z.string() }).nullable(),
  taskId: z.string().nullable(),
  agent: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  workflowRunId: z.string().nullable(),
  artifactId: z.string().nullable(),
  at: z.date(),
});

export const ZObservationSchema = z.object({
  id: z.string(),
  entityId: z.string(),
  text: z.string(),
  confidence: z.number(),
  expiresAt: z.date().nullable(),
  retractedAt: z.date().nullable(),
  provenance: ZProvenanceSchema,
});

export const ZRelationSchema = z.object({
  id: z.string(),
  type: z.string(),
  direction: z.enum(["out", "in"]),
  other: z.object({ id: z.string(), name: z.string(), type: z.string(), archived: z.boolean() }),
  confidence: z.number(),
  provenance: ZProvenanceSchema,
});

export const ZEntityDetailSchema = ZEntitySummarySchema.extend({
  observations: z.array(ZObservationSchema),
  relations: z.array(ZRelationSchema),
  canEdit: z.boolean(),
});

export const ZEntityListSchema = z.object({
  items: z.array(ZEntitySummarySchema.extend({ observationCount: z.number().int() })),
  nextCursor: z.string().nullable(),
  types: z.array(z.string()),
});

const ZArmSchema = z.enum(["name", "entityText", "entityTrigram", "observationText", "observationTrigram", "vector"]);

export const ZSearchAnswerSchema = z.object({
  query: z.string(),
  results: z.array(
    z.object({
      entity: ZEntitySummarySchema,
      score: z.number(),
      ranks: z.partialRecord(ZArmSchema, z.number().int()),
      passage: ZObservationSchema.nullable(),
    }),
  ),
  vectors: z.union([
    z.object({ available: z.literal(true) }),
    z.object({ available: z.literal(false), reason: z.string() }),
  ]),
});

export const ZRevisionPageSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
      changes: z.unknown(),
      at: z.date(),
    }),
  ),
  nextBefore: z.string().nullable(),
});

export const ZNeighbourhoodSchema = z.object({
  centreId: z.string(),
  depth: z.number().int(),
  nodes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      type: z.string(),
      departmentId: z.string().nullable(),
      depth: z.number().int(),
      observationCount: z.number().int(),
    }),
  ),
  edges: z.array(
    z.object({ id: z.string(), fromId: z.string(), toId: z.string(), type: z.string(), confidence: z.number() }),
  ),
  truncated: z.boolean(),
});

export const ZIdResponseSchema = z.object({ id: z.string() });

export const ZKnowledgeScopesSchema = z.object({
  canWriteOrg: z.boolean(),
  isAdmin: z.boolean(),
  departments: z.array(
    z.object({ id: z.string(), name: z.string(), slug: z.string(), archived: z.boolean(), canWrite: z.boolean() }),
  ),
});

export const ZProposalSchema = z.object({
  id: z.string(),
  state: z.enum(KnowledgeProposalState),
  department: ZDepartmentRefSchema.nullable(),
  taskId: z.string(),
  agent: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  workflowRunId: z.string().nullable(),
  /** The agent's part as validated (ZKnowledgePartSchema). */
  part: z.object({
    entities: z.array(
      z.object({
        name: z.string(),
        type: z.string(),
        aliases: z.array(z.string()).optional(),
        summary: z.string().optional(),
        observations: z
          .array(z.object({ text: z.string(), confidence: z.number().optional(), expiresAt: z.string().optional() }))
          .optional(),
      }),
    ),
    relations: z
      .array(
        z.object({
          from: z.object({ name: z.string(), type: z.string() }),
          type: z.string(),
          to: z.object({ name: z.string(), type: z.string() }),
          confidence: z.number().optional(),
        }),
      )
      .optional(),
  }),
  canDecide: z.boolean(),
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  decidedAt: z.date().nullable(),
  comment: z.string().nullable(),
  createdAt: z.date(),
});

export const ZPolicySchema = z.object({
  department: z.object({ id: z.string(), name: z.string(), slug: z.string(), parentId: z.string().nullable() }),
  ingest: z.enum(KnowledgeIngestPolicy),
  attachContext: z.boolean(),
});

export const ZCountsSchema = z.object({
  entitiesCreated: z.number().int(),
  entitiesUpdated: z.number().int().optional(),
  observationsAdded: z.number().int(),
  relationsAdded: z.number().int(),
});
