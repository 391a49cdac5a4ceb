import "server-only";
import { db } from "../../db";
import { knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { KNOWLEDGE_DOCUMENT_FORMAT, type KnowledgeDocumentInput } from "./knowledge-document.types";
import { departmentRefs } from "./knowledge-views";
import { visibleEntityWhere } from "./visibility-sql";

/**
 * The knowledge graph in the actor's reach as one JSON document
 * (knowledge-document.types.ts): entities that are not archived, their
 * standing, unexpired observations (oldest first, with where each came
 * from), and the relations between exported entities. Departments are
 * named by slug, so the file imports into another org with the same
 * departments.
 */
export async function exportKnowledge(input: {
  orgId: string;
  actor: KnowledgeActor;
}): Promise<KnowledgeDocumentInput> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const now = new Date();
  const entities = await db.knowledgeEntity.findMany({
    where: { AND: [visibleEntityWhere(access), { archivedAt: null }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      type: true,
      aliases: true,
      summary: true,
      departmentId: true,
      observations: {
        where: { retractedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { text: true, confidence: true, expiresAt: true, source: true, createdAt: true },
      },
    },
  });
  const departments = await departmentRefs(
    input.orgId,
    entities.map((e) => e.departmentId),
  );
  const refOf = new Map(
    entities.map((e) => [
      e.id,
      {
        name: e.name,
        type: e.type,
        department: e.departmentId ? (departments.get(e.departmentId)?.slug ?? null) : null,
      },
    ]),
  );
  const ids = [...refOf.keys()];
  const relations = ids.length
    ? await db.knowledgeRelation.findMany({
        where: { orgId: input.orgId, fromId: { in: ids }, toId: { in: ids } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { fromId: true, toId: true, type: true, confidence: true },
      })
    : [];
  return {
    format: KNOWLEDGE_DOCUMENT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    entities: entities.map((e) => ({
      ...refOf.get(e.id)!,
      aliases: e.aliases,
      summary: e.summary,
      observations: e.observations.map((o) => ({
        text: o.text,
        confidence: o.confidence,
        expiresAt: o.expiresAt?.toISOString() ?? null,
        source: o.source,
        recordedAt: o.createdAt.toISOString(),
      })),
    })),
    relations: relations.map((r) => ({
      from: refOf.get(r.fromId)!,
      type: r.type,
      to: refOf.get(r.toId)!,
      confidence: r.confidence,
    })),
  };
}
