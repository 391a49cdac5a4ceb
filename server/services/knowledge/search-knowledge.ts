import "server-only";
import { db } from "../../db";
import type { VectorStatus } from "./embeddings";
import { knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { ZEntityTypeSchema, ZSearchQuerySchema } from "./knowledge-limits.types";
import { field } from "./knowledge-rules";
import {
  ENTITY_COLUMNS,
  entitySummaries,
  OBSERVATION_COLUMNS,
  observationViews,
  type EntitySummary,
  type ObservationView,
} from "./knowledge-views";
import { reciprocalRankFusion } from "./rank-fusion";
import { runSearchArms, type Arm, type Hit } from "./search-arms";

export interface SearchResult {
  entity: EntitySummary;
  /** The fused score (reciprocal rank fusion; comparable within one answer only). */
  score: number;
  /** Which arms found it, with its rank in each. */
  ranks: Partial<Record<Arm, number>>;
  /** The observation that matched best, with its provenance; null when the entity's name or summary matched. */
  passage: ObservationView | null;
}

export interface SearchAnswer {
  query: string;
  results: SearchResult[];
  vectors: VectorStatus;
}

export const MAX_SEARCH_RESULTS = 50;
const PASSAGE_ARMS: Arm[] = ["observationText", "observationTrigram", "vector"];

/**
 * Hybrid search of the knowledge graph in the actor's reach: each arm's
 * ranking (search-arms.ts) fused by reciprocal rank per entity, each result
 * carrying its best-matching passage (the observation ranked highest by any
 * passage arm) and that passage's provenance.
 */
export async function searchKnowledge(input: {
  orgId: string;
  actor: KnowledgeActor;
  query: string;
  type?: string | null;
  scope?: string | null;
  limit?: number;
  /** False: text arms only, even where vectors are available. */
  vectors?: boolean;
}): Promise<SearchAnswer> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const query = field(ZSearchQuerySchema, input.query);
  const type = input.type ? field(ZEntityTypeSchema, input.type) : null;
  const limit = Math.min(Math.max(input.limit ?? 20, 1), MAX_SEARCH_RESULTS);
  const { hits, vectors } = await runSearchArms(access, query, {
    type,
    scope: input.scope ?? null,
    vectors: input.vectors,
  });
  const fused = reciprocalRankFusion(
    (Object.entries(hits) as [Arm, Hit[]][]).map(([arm, list]) => ({ arm, keys: list.map((h) => h.entityId) })),
  ).slice(0, limit);
  if (fused.length === 0) return { query, results: [], vectors };

  const passageOf = new Map<string, string>();
  for (const { key: entityId } of fused) {
    let best: { rank: number; observationId: string } | null = null;
    for (const arm of PASSAGE_ARMS) {
      const index = hits[arm].findIndex((h) => h.entityId === entityId);
      if (index >= 0 && (!best || index < best.rank))
        best = { rank: index, observationId: hits[arm][index]!.observationId! };
    }
    if (best) passageOf.set(entityId, best.observationId);
  }
  const ids = fused.map((f) => f.key);
  const [entities, observations] = await Promise.all([
    db.knowledgeEntity.findMany({ where: { orgId: input.orgId, id: { in: ids } }, select: ENTITY_COLUMNS }),
    db.knowledgeObservation.findMany({
      where: { orgId: input.orgId, id: { in: [...passageOf.values()] } },
      select: OBSERVATION_COLUMNS,
    }),
  ]);
  const summaries = new Map((await entitySummaries(input.orgId, entities)).map((e) => [e.id, e]));
  const passages = new Map((await observationViews(input.orgId, observations)).map((o) => [o.id, o]));
  return {
    query,
    vectors,
    results: fused.flatMap((f) => {
      const entity = summaries.get(f.key);
      if (!entity) return [];
      const passageId = passageOf.get(f.key);
      return [
        { entity, score: f.score, ranks: f.ranks, passage: passageId ? (passages.get(passageId) ?? null) : null },
      ];
    }),
  };
}
