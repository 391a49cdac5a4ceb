import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { MAX_NEIGHBOURHOOD_DEPTH, MAX_NEIGHBOURHOOD_NODES } from "./knowledge-limits.types";
import { field, reachableEntity } from "./knowledge-rules";
import { visibleEntitySql } from "./visibility-sql";

export interface NeighbourhoodNode {
  id: string;
  name: string;
  type: string;
  departmentId: string | null;
  /** Hops from the centre (0: the centre). */
  depth: number;
  observationCount: number;
}

export interface NeighbourhoodEdge {
  id: string;
  fromId: string;
  toId: string;
  type: string;
  confidence: number;
}

export interface Neighbourhood {
  centreId: string;
  depth: number;
  nodes: NeighbourhoodNode[];
  edges: NeighbourhoodEdge[];
  /** The walk met more than MAX_NEIGHBOURHOOD_NODES entities: the farthest were left out. */
  truncated: boolean;
}

const ZDepthSchema = z
  .number()
  .int("The depth is a whole number of hops.")
  .min(1, "Walk at least one hop.")
  .max(MAX_NEIGHBOURHOOD_DEPTH, `Walk at most ${MAX_NEIGHBOURHOOD_DEPTH} hops.`);

/**
 * The entities within `depth` hops of one entity, following relations both
 * ways, and the relations among them: one recursive CTE, bounded by depth
 * (so cycles end) and by the scope rule at every hop (a path never passes
 * through an entity the actor cannot see, nor an archived one).
 */
export async function neighbourhood(input: {
  orgId: string;
  actor: KnowledgeActor;
  entityId: string;
  depth?: number;
}): Promise<Neighbourhood> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const centre = await reachableEntity(access, input.entityId, "read");
  const depth = field(ZDepthSchema, input.depth ?? 2);
  const visible = visibleEntitySql(access, "e");
  const nodes = await db.$queryRaw<(Omit<NeighbourhoodNode, "observationCount"> & { observationCount: bigint })[]>`
    WITH RECURSIVE walk(id, depth) AS (
      SELECT ${centre.id}::text, 0
      UNION
      SELECT step.next, walk.depth + 1
      FROM walk
      CROSS JOIN LATERAL (
        SELECT r."toId" AS next FROM "KnowledgeRelation" r WHERE r."fromId" = walk.id AND r."orgId" = ${input.orgId}
        UNION ALL
        SELECT r."fromId" FROM "KnowledgeRelation" r WHERE r."toId" = walk.id AND r."orgId" = ${input.orgId}
      ) step
      JOIN "KnowledgeEntity" e ON e.id = step.next
      WHERE walk.depth < ${depth} AND e."orgId" = ${input.orgId} AND e."archivedAt" IS NULL AND ${visible}
    ),
    nearest AS (SELECT id, min(depth) AS depth FROM walk GROUP BY id)
    SELECT e.id, e.name, e.type, e."departmentId", n.depth::int AS depth,
      (SELECT count(*) FROM "KnowledgeObservation" o WHERE o."entityId" = e.id AND o."retractedAt" IS NULL)
        AS "observationCount"
    FROM nearest n JOIN "KnowledgeEntity" e ON e.id = n.id
    ORDER BY n.depth, e.name, e.id
    LIMIT ${MAX_NEIGHBOURHOOD_NODES + 1}`;
  const truncated = nodes.length > MAX_NEIGHBOURHOOD_NODES;
  const kept = nodes
    .slice(0, MAX_NEIGHBOURHOOD_NODES)
    .map((n) => ({ ...n, observationCount: Number(n.observationCount) }));
  const ids = kept.map((n) => n.id);
  const edges = ids.length
    ? await db.$queryRaw<NeighbourhoodEdge[]>`
        SELECT r.id, r."fromId", r."toId", r.type, r.confidence FROM "KnowledgeRelation" r
        WHERE r."orgId" = ${input.orgId} AND r."fromId" = ANY(${ids}::text[]) AND r."toId" = ANY(${ids}::text[])
        ORDER BY r."createdAt", r.id`
    : [];
  return { centreId: centre.id, depth, nodes: kept, edges, truncated };
}
