import { z } from "zod";
import {
  MAX_ALIASES,
  nameKeyOf,
  ZConfidenceSchema,
  ZEntityNameSchema,
  ZEntityTypeSchema,
  ZObservationTextSchema,
  ZRelationTypeSchema,
  ZSummarySchema,
  ENTITY_NAME_MAX_LENGTH,
} from "./knowledge-limits.types";
import { zText } from "../../schemas/primitives";

/**
 * The `bureau/knowledge` data part an agent may return in an artifact or
 * its final message (documented in docs/knowledge.md):
 *
 *   { "kind": "data", "data": {
 *       "type": "bureau/knowledge", "version": 1,
 *       "entities": [{ "name": "Acme Corp", "type": "customer", "aliases": ["Acme"],
 *                      "summary": "…",
 *                      "observations": [{ "text": "Renews in March", "confidence": 0.8,
 *                                         "expiresAt": "2027-04-01T00:00:00Z" }] }],
 *       "relations": [{ "from": { "name": "Acme Corp", "type": "customer" }, "type": "uses",
 *                       "to": { "name": "Bureau Pro", "type": "product" }, "confidence": 0.9 }] } }
 *
 * Relations name entities the part lists. Shared with the browser (the
 * review inbox renders proposals with it), so no server-only imports.
 */
export const KNOWLEDGE_PART_TYPE = "bureau/knowledge";
export const MAX_PART_ENTITIES = 50;
export const MAX_PART_OBSERVATIONS = 200;
export const MAX_PART_RELATIONS = 100;

const ZPartObservationSchema = z.strictObject({
  text: ZObservationTextSchema,
  confidence: ZConfidenceSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true, error: "expiresAt is an ISO 8601 date and time." }).optional(),
});

const ZPartEntitySchema = z.strictObject({
  name: ZEntityNameSchema,
  type: ZEntityTypeSchema,
  aliases: z
    .array(zText(ENTITY_NAME_MAX_LENGTH).pipe(z.string().min(1)))
    .max(MAX_ALIASES)
    .optional(),
  summary: ZSummarySchema.optional(),
  observations: z.array(ZPartObservationSchema).max(MAX_PART_OBSERVATIONS).optional(),
});

const ZPartRefSchema = z.strictObject({ name: ZEntityNameSchema, type: ZEntityTypeSchema });

export const partRefKey = (ref: { name: string; type: string }) => `${ref.type}\u0000${nameKeyOf(ref.name)}`;

export const ZKnowledgePartSchema = z
  .strictObject({
    type: z.literal(KNOWLEDGE_PART_TYPE),
    version: z.literal(1).optional(),
    entities: z
      .array(ZPartEntitySchema)
      .min(1, "List at least one entity.")
      .max(MAX_PART_ENTITIES, `At most ${MAX_PART_ENTITIES} entities per part.`),
    relations: z
      .array(
        z.strictObject({
          from: ZPartRefSchema,
          type: ZRelationTypeSchema,
          to: ZPartRefSchema,
          confidence: ZConfidenceSchema.optional(),
        }),
      )
      .max(MAX_PART_RELATIONS, `At most ${MAX_PART_RELATIONS} relations per part.`)
      .optional(),
  })
  .superRefine((part, ctx) => {
    const observations = part.entities.reduce((n, e) => n + (e.observations?.length ?? 0), 0);
    if (observations > MAX_PART_OBSERVATIONS)
      ctx.addIssue({
        code: "custom",
        path: ["entities"],
        message: `At most ${MAX_PART_OBSERVATIONS} observations per part.`,
      });
    const listed = new Set(part.entities.map(partRefKey));
    (part.relations ?? []).forEach((relation, i) => {
      for (const end of ["from", "to"] as const)
        if (!listed.has(partRefKey(relation[end])))
          ctx.addIssue({
            code: "custom",
            path: ["relations", i, end],
            message: `names ${relation[end].type} “${relation[end].name}”, which the part's entities do not list.`,
          });
    });
  });
export type KnowledgePart = z.output<typeof ZKnowledgePartSchema>;

/** The data of every bureau/knowledge part among an artifact's or a message's parts (unvalidated). */
export function findKnowledgeParts(parts: readonly { kind: string; data?: unknown }[]): unknown[] {
  return parts.flatMap((part) =>
    part.kind === "data" &&
    typeof part.data === "object" &&
    part.data !== null &&
    (part.data as { type?: unknown }).type === KNOWLEDGE_PART_TYPE
      ? [part.data]
      : [],
  );
}
