import "server-only";
import { db } from "../../db";
import { inReach, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { reachableEntity } from "./knowledge-rules";
import {
  ENTITY_COLUMNS,
  entitySummaries,
  OBSERVATION_COLUMNS,
  observationViews,
  provenanceViews,
  PROVENANCE_COLUMNS,
  type EntitySummary,
  type ObservationView,
  type ProvenanceView,
} from "./knowledge-views";
import { visibleEntityWhere } from "./visibility-sql";

export interface RelationView {
  id: string;
  type: string;
  /** out: this entity --type--> other; in: other --type--> this entity. */
  direction: "out" | "in";
  other: { id: string; name: string; type: string; archived: boolean };
  confidence: number;
  provenance: ProvenanceView;
}

export interface EntityDetail extends EntitySummary {
  /** Newest first; retracted and expired ones included (flagged), as the page shows them. */
  observations: ObservationView[];
  relations: RelationView[];
  canEdit: boolean;
}

const MAX_OBSERVATIONS_SHOWN = 500;
const MAX_RELATIONS_SHOWN = 500;

/**
 * One entity with its facts and relations, for the entity page, REST and
 * MCP. A relation whose other end the actor cannot see is left out, so a
 * department's entity never shows through an org-wide one.
 */
export async function getEntity(input: {
  orgId: string;
  actor: KnowledgeActor;
  entityId: string;
}): Promise<EntityDetail> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const entity = await reachableEntity(access, input.entityId, "read");
  const visible = visibleEntityWhere(access);
  const [row, observations, outgoing, incoming] = await Promise.all([
    db.knowledgeEntity.findUniqueOrThrow({ where: { id: entity.id }, select: ENTITY_COLUMNS }),
    db.knowledgeObservation.findMany({
      where: { orgId: input.orgId, entityId: entity.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_OBSERVATIONS_SHOWN,
      select: OBSERVATION_COLUMNS,
    }),
    db.knowledgeRelation.findMany({
      where: { orgId: input.orgId, fromId: entity.id, to: visible },
      orderBy: { createdAt: "asc" },
      take: MAX_RELATIONS_SHOWN,
      select: { ...PROVENANCE_COLUMNS, id: true, type: true, confidence: true, to: { select: OTHER } },
    }),
    db.knowledgeRelation.findMany({
      where: { orgId: input.orgId, toId: entity.id, from: visible },
      orderBy: { createdAt: "asc" },
      take: MAX_RELATIONS_SHOWN,
      select: { ...PROVENANCE_COLUMNS, id: true, type: true, confidence: true, from: { select: OTHER } },
    }),
  ]);
  const [summary] = await entitySummaries(input.orgId, [row]);
  const edges = [
    ...outgoing.map((r) => ({ row: r, direction: "out" as const, other: r.to })),
    ...incoming.map((r) => ({ row: r, direction: "in" as const, other: r.from })),
  ];
  const provenance = await provenanceViews(
    input.orgId,
    edges.map((e) => e.row),
  );
  return {
    ...summary!,
    observations: await observationViews(input.orgId, observations),
    relations: edges.map((e, i) => ({
      id: e.row.id,
      type: e.row.type,
      direction: e.direction,
      other: { id: e.other.id, name: e.other.name, type: e.other.type, archived: e.other.archivedAt !== null },
      confidence: e.row.confidence,
      provenance: provenance[i]!,
    })),
    canEdit: inReach(access, entity.departmentId, "write"),
  };
}

const OTHER = { id: true, name: true, type: true, archivedAt: true } as const;
