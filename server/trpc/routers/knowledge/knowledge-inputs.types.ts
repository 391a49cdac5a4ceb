import { z } from "zod";
import { KnowledgeIngestPolicy, KnowledgeProposalState } from "../../../generated/prisma/enums";
import { zId, zText } from "../../../schemas/primitives";
import {
  ENTITY_NAME_MAX_LENGTH,
  ENTITY_TYPE_MAX_LENGTH,
  MAX_ALIASES,
  MAX_NEIGHBOURHOOD_DEPTH,
  OBSERVATION_MAX_LENGTH,
  RELATION_TYPE_MAX_LENGTH,
  SEARCH_QUERY_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
} from "../../../services/knowledge/knowledge-limits.types";

/**
 * The knowledge procedures' inputs: shapes and outer bounds only. The
 * services check every field with the limits' own sentences
 * (knowledge-limits.types.ts), so tRPC, REST and an agent's part are refused alike.
 */
const name = z.string().max(ENTITY_NAME_MAX_LENGTH * 2);
const type = z.string().max(ENTITY_TYPE_MAX_LENGTH * 2);
const aliases = z.array(name).max(MAX_ALIASES * 2);
const confidence = z.number();
const expiresAt = z.date().nullable();
/** "org" or a department id. */
const scope = z.union([z.literal("org"), zId]);

export const ZSearchRequestSchema = z.object({
  query: z.string().max(SEARCH_QUERY_MAX_LENGTH * 2),
  type: type.nullish(),
  scope: scope.nullish(),
  limit: z.number().int().min(1).max(50).optional(),
});

export const ZListEntitiesRequestSchema = z.object({
  type: type.nullish(),
  scope: scope.nullish(),
  includeArchived: z.boolean().optional(),
  cursor: zId.nullish(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const ZEntityRequestSchema = z.object({ id: zId });

/** cursor: the last revision id of the previous page (nextBefore). */
export const ZHistoryRequestSchema = ZEntityRequestSchema.extend({
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .nullish(),
});

export const ZNeighbourhoodRequestSchema = ZEntityRequestSchema.extend({
  depth: z.number().int().min(1).max(MAX_NEIGHBOURHOOD_DEPTH).optional(),
});

const ZNewObservationSchema = z.object({
  text: z.string().max(OBSERVATION_MAX_LENGTH * 2),
  confidence: confidence.optional(),
  expiresAt: expiresAt.optional(),
});

export const ZCreateEntityRequestSchema = z.object({
  name,
  type,
  aliases: aliases.optional(),
  summary: z
    .string()
    .max(SUMMARY_MAX_LENGTH * 2)
    .optional(),
  departmentId: zId.nullish(),
  observations: z.array(ZNewObservationSchema).max(100).optional(),
});

export const ZUpdateEntityRequestSchema = ZEntityRequestSchema.extend({
  name: name.optional(),
  type: type.optional(),
  aliases: aliases.optional(),
  summary: z
    .string()
    .max(SUMMARY_MAX_LENGTH * 2)
    .optional(),
  departmentId: zId.nullish(),
});

export const ZArchiveEntityRequestSchema = ZEntityRequestSchema.extend({ archived: z.boolean() });

export const ZAddObservationRequestSchema = ZEntityRequestSchema.extend(ZNewObservationSchema.shape);

export const ZRetractObservationRequestSchema = z.object({ observationId: zId });

export const ZRelateRequestSchema = z.object({
  fromId: zId,
  toId: zId,
  type: z.string().max(RELATION_TYPE_MAX_LENGTH * 2),
  confidence: confidence.optional(),
});

export const ZUnrelateRequestSchema = z.object({ relationId: zId });

export const ZSaveArtifactRequestSchema = z.object({
  taskId: zId,
  /** The agent's artifact id on the task (Artifact.artifactId). */
  artifactId: z.string().min(1).max(255),
  target: z.union([z.object({ entityId: zId }), z.object({ name, type, departmentId: zId.nullish() })]),
  text: z
    .string()
    .max(OBSERVATION_MAX_LENGTH * 2)
    .optional(),
  confidence: confidence.optional(),
  expiresAt: expiresAt.optional(),
});

/** The document is checked by the service (ZKnowledgeDocumentSchema), which names the first problem and where. */
export const ZImportRequestSchema = z.object({ document: z.unknown() });

export const ZProposalsRequestSchema = z.object({ state: z.enum(KnowledgeProposalState).optional() });

export const ZDecideProposalRequestSchema = z.object({
  id: zId,
  decision: z.enum(["accept", "reject"]),
  comment: zText(2_000).optional(),
});

export const ZSetPolicyRequestSchema = z.object({
  departmentId: zId,
  ingest: z.enum(KnowledgeIngestPolicy),
  attachContext: z.boolean(),
});
