import "server-only";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { ENTITY_COLUMNS, entitySummaries, type EntitySummary } from "./knowledge-views";
import { visibleEntityWhere } from "./visibility-sql";

export interface EntityListItem extends EntitySummary {
  /** Standing (not retracted) observations. */
  observationCount: number;
}

/**
 * The entities in the actor's reach, most recently changed first, a page at
 * a time (`cursor`: the last id of the previous page), optionally of one
 * type or one scope ("org" or a department id).
 */
export async function listEntities(input: {
  orgId: string;
  actor: KnowledgeActor;
  type?: string | null;
  scope?: string | null;
  includeArchived?: boolean;
  cursor?: string | null;
  limit?: number;
}): Promise<{ items: EntityListItem[]; nextCursor: string | null; types: string[] }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const limit = Math.min(Math.max(input.limit ?? 30, 1), 100);
  const where: Prisma.KnowledgeEntityWhereInput = {
    AND: [
      visibleEntityWhere(access),
      input.includeArchived ? {} : { archivedAt: null },
      input.type ? { type: input.type } : {},
      input.scope ? { scopeKey: input.scope } : {},
    ],
  };
  const [rows, types] = await Promise.all([
    db.knowledgeEntity.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
      select: {
        ...ENTITY_COLUMNS,
        _count: { select: { observations: { where: { retractedAt: null } } } },
      },
    }),
    db.knowledgeEntity.findMany({
      where: { AND: [visibleEntityWhere(access), { archivedAt: null }] },
      distinct: ["type"],
      select: { type: true },
      orderBy: { type: "asc" },
      take: 100,
    }),
  ]);
  const page = rows.slice(0, limit);
  const summaries = await entitySummaries(input.orgId, page);
  return {
    items: summaries.map((s, i) => ({
      ...s,
      observationCount: page[i]!._count.observations,
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
    types: types.map((t) => t.type),
  };
}
