import "server-only";
import { z } from "zod";
import { KnowledgeSource } from "../../../generated/prisma/enums";
import { zId } from "../../../schemas/primitives";
import {
  ENTITY_NAME_MAX_LENGTH,
  ENTITY_TYPE_MAX_LENGTH,
  MAX_ALIASES,
  OBSERVATION_MAX_LENGTH,
  SEARCH_QUERY_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
} from "../../../services/knowledge/knowledge-limits.types";
import { MAX_OBSERVATIONS_PER_WRITE } from "../../../services/knowledge/create-entity";
import { zDateTime } from "../../schemas";

/**
 * What /api/v1/knowledge reads and answers. An API key belongs to no
 * department, so it reads and writes org-wide knowledge only: a
 * department's entities are not found through it.
 */

export const ZEntityIdParamsSchema = z.object({
  id: zId.meta({ description: "The entity's id, as an earlier answer gave it." }),
});

const ZProvenanceSchema = z
  .object({
    source: z.enum(KnowledgeSource).meta({
      description:
        "MEMBER: a person in the app; ARTIFACT: a person saved an agent's artifact; AGENT: an agent's " +
        "bureau/knowledge part; API: an API key; IMPORT: a JSON import.",
    }),
    user: z.object({ id: z.string(), name: z.string() }).nullable(),
    apiKey: z.object({ id: z.string(), name: z.string() }).nullable(),
    taskId: z.string().nullable().meta({ description: "The task it came from (GET /api/v1/tasks/{id})." }),
    agent: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
    workflowRunId: z.string().nullable(),
    artifactId: z.string().nullable().meta({ description: "The task's artifact it was saved from." }),
    recordedAt: zDateTime,
  })
  .meta({ id: "KnowledgeProvenance", description: "Who or what wrote a fact, and when." });

export const ZRestObservationSchema = z
  .object({
    id: z.string(),
    entityId: z.string(),
    text: z.string(),
    confidence: z.number().min(0).max(1),
    expiresAt: zDateTime.nullable(),
    retractedAt: zDateTime.nullable(),
    provenance: ZProvenanceSchema,
  })
  .meta({ id: "KnowledgeObservation", description: "A fact about an entity." });

export const ZRestEntitySchema = z
  .object({
    id: z.string(),
    name: z.string().meta({ example: "Acme Corp" }),
    type: z.string().meta({ example: "customer" }),
    aliases: z.array(z.string()),
    summary: z.string(),
    archivedAt: zDateTime.nullable(),
    createdAt: zDateTime,
    updatedAt: zDateTime,
  })
  .meta({ id: "KnowledgeEntity", description: "An org-wide entity of the knowledge graph." });

export const ZRestEntityDetailSchema = ZRestEntitySchema.extend({
  observations: z.array(ZRestObservationSchema).meta({ description: "Newest first, retracted and expired included." }),
  relations: z.array(
    z.object({
      id: z.string(),
      type: z.string().meta({ example: "works_at" }),
      direction: z.enum(["out", "in"]).meta({ description: "out: this --type--> other; in: other --type--> this." }),
      other: z.object({ id: z.string(), name: z.string(), type: z.string() }),
      confidence: z.number(),
    }),
  ),
}).meta({ id: "KnowledgeEntityDetail", description: "An entity with its observations and relations." });

const ZNewObservationBodySchema = z.object({
  text: z
    .string()
    .max(OBSERVATION_MAX_LENGTH * 2)
    .meta({ description: "The fact.", example: "Renews every March." }),
  confidence: z.number().optional().meta({ description: "0 to 1 (default 1)." }),
  expiresAt: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date and time" })
    .nullable()
    .optional()
    .meta({ description: "After this it is no longer searched; must be in the future." }),
});

export const ZCreateEntityBodySchema = z
  .object({
    name: z
      .string()
      .max(ENTITY_NAME_MAX_LENGTH * 2)
      .meta({ example: "Acme Corp" }),
    type: z
      .string()
      .max(ENTITY_TYPE_MAX_LENGTH * 2)
      .meta({ description: "Lower-case kind of thing (customer, person, product…).", example: "customer" }),
    aliases: z
      .array(z.string().max(ENTITY_NAME_MAX_LENGTH * 2))
      .max(MAX_ALIASES * 2)
      .optional(),
    summary: z
      .string()
      .max(SUMMARY_MAX_LENGTH * 2)
      .optional(),
    observations: z
      .array(ZNewObservationBodySchema)
      .max(MAX_OBSERVATIONS_PER_WRITE * 2)
      .optional()
      .meta({ description: `Its first facts, at most ${MAX_OBSERVATIONS_PER_WRITE}.` }),
  })
  .meta({ id: "CreateKnowledgeEntity" });

export const ZAddObservationBodySchema = ZNewObservationBodySchema.meta({ id: "AddKnowledgeObservation" });

export const ZSearchQuerySchema = z.object({
  q: z
    .string({ error: "is required" })
    .max(SEARCH_QUERY_MAX_LENGTH * 2)
    .meta({ description: "What to look for: words, a name (typos tolerated), a question." }),
  type: z
    .string()
    .max(ENTITY_TYPE_MAX_LENGTH * 2)
    .optional()
    .meta({ description: "Only entities of this type." }),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(50, "must be at most 50")
    .default(10),
});

export const ZSearchAnswerSchema = z
  .object({
    query: z.string(),
    results: z.array(
      z.object({
        entity: ZRestEntitySchema,
        score: z.number().meta({ description: "Reciprocal rank fusion score; compare within one answer only." }),
        matchedBy: z
          .array(z.string())
          .meta({ description: "The arms that found it: name, entityText, entityTrigram, observationText, …" }),
        passage: ZRestObservationSchema.nullable().meta({
          description: "The observation that matched best; null when the entity's name or summary matched.",
        }),
      }),
    ),
    vectors: z
      .object({ available: z.boolean(), reason: z.string().nullable() })
      .meta({ description: "Whether vector similarity took part; if not, why (no pgvector, no embedding key)." }),
  })
  .meta({ id: "KnowledgeSearchAnswer" });
