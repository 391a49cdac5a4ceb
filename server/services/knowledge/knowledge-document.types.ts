import { z } from "zod";
import {
  ZAliasesSchema,
  ZConfidenceSchema,
  ZEntityNameSchema,
  ZEntityTypeSchema,
  ZObservationTextSchema,
  ZRelationTypeSchema,
  ZSummarySchema,
} from "./knowledge-limits.types";

/**
 * The JSON export and import of an org's knowledge graph (docs/knowledge.md).
 * Entities are identified by name, type and department slug (null:
 * org-wide), so a file moves between orgs and importing it twice changes
 * nothing the second time. Shared with the browser (the import dialog
 * checks a file before sending it).
 */
export const KNOWLEDGE_DOCUMENT_FORMAT = "bureau.knowledge";
export const MAX_IMPORT_ENTITIES = 2_000;
export const MAX_IMPORT_OBSERVATIONS = 10_000;
export const MAX_IMPORT_RELATIONS = 5_000;

const department = z.string().min(1).max(100).nullable();

const ZRefSchema = z.strictObject({ name: ZEntityNameSchema, type: ZEntityTypeSchema, department });

/** The document's shape with no size limits: what an export answers (an org may hold more than one import takes). */
export const ZKnowledgeDocumentShape = z.strictObject({
  format: z.literal(KNOWLEDGE_DOCUMENT_FORMAT, { error: `This is not a ${KNOWLEDGE_DOCUMENT_FORMAT} file.` }),
  version: z.literal(1, { error: "Only version 1 files can be imported." }),
  exportedAt: z.iso.datetime().optional(),
  entities: z.array(
    z.strictObject({
      name: ZEntityNameSchema,
      type: ZEntityTypeSchema,
      aliases: ZAliasesSchema.default([]),
      summary: ZSummarySchema.default(""),
      department,
      observations: z
        .array(
          z.strictObject({
            text: ZObservationTextSchema,
            confidence: ZConfidenceSchema.default(1),
            expiresAt: z.iso.datetime().nullable().default(null),
            /** Where it came from in the exporting org (kept in the file; the import is its new provenance). */
            source: z.string().max(20).optional(),
            recordedAt: z.iso.datetime().optional(),
          }),
        )
        .default([]),
    }),
  ),
  relations: z
    .array(
      z.strictObject({
        from: ZRefSchema,
        type: ZRelationTypeSchema,
        to: ZRefSchema,
        confidence: ZConfidenceSchema.default(1),
      }),
    )
    .default([]),
});

/** What an import accepts: the shape, within the import's limits. */
export const ZKnowledgeDocumentSchema = ZKnowledgeDocumentShape.superRefine((doc, ctx) => {
  if (doc.entities.length > MAX_IMPORT_ENTITIES)
    ctx.addIssue({
      code: "custom",
      path: ["entities"],
      message: `At most ${MAX_IMPORT_ENTITIES.toLocaleString("en-US")} entities per import.`,
    });
  if (doc.relations.length > MAX_IMPORT_RELATIONS)
    ctx.addIssue({
      code: "custom",
      path: ["relations"],
      message: `At most ${MAX_IMPORT_RELATIONS.toLocaleString("en-US")} relations per import.`,
    });
  const observations = doc.entities.reduce((n, e) => n + e.observations.length, 0);
  if (observations > MAX_IMPORT_OBSERVATIONS)
    ctx.addIssue({
      code: "custom",
      path: ["entities"],
      message: `At most ${MAX_IMPORT_OBSERVATIONS.toLocaleString("en-US")} observations per import.`,
    });
});

export type KnowledgeDocument = z.output<typeof ZKnowledgeDocumentSchema>;
export type KnowledgeDocumentInput = z.input<typeof ZKnowledgeDocumentSchema>;

/** The same entity in a file: type, name (case and spacing aside) and department. */
export const documentRefKey = (ref: { name: string; type: string; department: string | null }) =>
  `${ref.department ?? ""}\u0000${ref.type}\u0000${ref.name.trim().replace(/\s+/g, " ").toLowerCase()}`;
