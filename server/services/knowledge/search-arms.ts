import "server-only";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import { EMBEDDING_MODEL, queryVector, vectorStatus, type VectorStatus } from "./embeddings";
import type { KnowledgeAccess } from "./knowledge-access";
import { nameKeyOf } from "./knowledge-limits.types";
import { visibleEntitySql } from "./visibility-sql";

/**
 * The arms of hybrid search, each one SQL query giving its own ranking of
 * what matches a query among the entities in the actor's reach (never
 * archived) and their standing observations (never retracted or expired):
 *
 * - name: an entity whose name or alias is the query (case and spacing aside);
 * - entityText / observationText: full text (English stemming) on names,
 *   aliases, type and summary / on observations, any word of the query
 *   counting (an OR of its lexemes), ranked by ts_rank;
 * - entityTrigram / observationTrigram: pg_trgm word similarity, for typos
 *   and partial words in short queries;
 * - vector: cosine similarity of embeddings, where pgvector and a key exist.
 *
 * Fusing the rankings is the caller's (rank-fusion.ts).
 */
export type Arm = "name" | "entityText" | "entityTrigram" | "observationText" | "observationTrigram" | "vector";

export interface Hit {
  entityId: string;
  /** The matched passage; null when the entity itself (name, aliases, summary) matched. */
  observationId: string | null;
  score: number;
}

export interface ArmFilters {
  /** Only entities of this type. */
  type?: string | null;
  /** Only this scope: "org" or a department id. */
  scope?: string | null;
  /** False: leave the vector arm out even where it is available (the bench's "without vectors"). */
  vectors?: boolean;
}

/** Hits per arm, and at most this many from each. */
export const ARM_DEPTH = 50;
/** pg_trgm word similarity a hit needs (0..1): 0.5 lets one typo in a short word through. */
const TRIGRAM_THRESHOLD = 0.5;
/** Words of a query the full-text arms use. */
const MAX_QUERY_WORDS = 32;
/** Queries of at most this many words also run the trigram arms. */
const MAX_TRIGRAM_WORDS = 4;

export async function runSearchArms(
  access: KnowledgeAccess,
  query: string,
  filters: ArmFilters = {},
): Promise<{ hits: Record<Arm, Hit[]>; vectors: VectorStatus }> {
  const org = access.orgId;
  const entityWhere = Prisma.sql`e."orgId" = ${org} AND e."archivedAt" IS NULL AND ${visibleEntitySql(access, "e")}
    ${filters.type ? Prisma.sql`AND e."type" = ${filters.type}` : Prisma.empty}
    ${filters.scope ? Prisma.sql`AND e."scopeKey" = ${filters.scope}` : Prisma.empty}`;
  const observationWhere = Prisma.sql`o."orgId" = ${org} AND o."retractedAt" IS NULL
    AND (o."expiresAt" IS NULL OR o."expiresAt" > now())`;
  // Any word of the query counts: the OR of its words, as a constant the GIN indexes can use.
  // Words are letters and digits only, so nothing in them is tsquery syntax.
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_QUERY_WORDS);
  const anyWord = words.length ? Prisma.sql`to_tsquery('english', ${words.join(" | ")})` : null;
  // Trigram arms are for typos and partial words in short queries (a name, a term); a long
  // question's trigrams match everything a little and nothing well, and full text serves it.
  const short = words.length > 0 && words.length <= MAX_TRIGRAM_WORDS;
  const key = nameKeyOf(query);
  const vectorSql = filters.vectors === false ? null : await queryVector(query);
  const vectors: VectorStatus =
    filters.vectors === false ? { available: false, reason: "Left out by the caller." } : await vectorStatus();

  const none = db.$queryRaw<Hit[]>`SELECT NULL::text AS "entityId", NULL::text AS "observationId", 0::float8 AS score
    WHERE FALSE`;
  const [, name, entityText, observationText, , entityTrigram, observationTrigram] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`,
    db.$queryRaw<Hit[]>`
      SELECT e.id AS "entityId", NULL::text AS "observationId", 1::float8 AS score
      FROM "KnowledgeEntity" e
      WHERE ${entityWhere}
        AND (e."nameKey" = ${key} OR ${key} = ANY (SELECT lower(a) FROM unnest(e.aliases) a))
      ORDER BY e."updatedAt" DESC, e.id LIMIT ${ARM_DEPTH}`,
    anyWord
      ? db.$queryRaw<Hit[]>`
          SELECT e.id AS "entityId", NULL::text AS "observationId",
            ts_rank(e."searchVector", ${anyWord})::float8 AS score
          FROM "KnowledgeEntity" e
          WHERE ${entityWhere} AND e."searchVector" @@ ${anyWord}
          ORDER BY score DESC, e.id LIMIT ${ARM_DEPTH}`
      : none,
    anyWord
      ? db.$queryRaw<Hit[]>`
          SELECT o."entityId", o.id AS "observationId", ts_rank(o."searchVector", ${anyWord}, 1)::float8 AS score
          FROM "KnowledgeObservation" o JOIN "KnowledgeEntity" e ON e.id = o."entityId"
          WHERE ${observationWhere} AND ${entityWhere} AND o."searchVector" @@ ${anyWord}
          ORDER BY score DESC, o.id LIMIT ${ARM_DEPTH}`
      : none,
    // pg_trgm's word-similarity operators are estimated far too cheap per row, so the planner
    // prefers a sequential scan computing word_similarity on every row (hundreds of ms at
    // 20,000 observations; docs/performance.md). For the two trigram queries (the last of this
    // transaction), candidates come from the trigram GIN index alone (a materialized CTE), then
    // the scope rule is applied to them.
    db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true)`,
    short
      ? db.$queryRaw<Hit[]>`
          WITH candidates AS MATERIALIZED (
            SELECT c.id FROM "KnowledgeEntity" c WHERE c."searchText" %> ${query}
          )
          SELECT e.id AS "entityId", NULL::text AS "observationId",
            word_similarity(${query}, e."searchText")::float8 AS score
          FROM candidates JOIN "KnowledgeEntity" e ON e.id = candidates.id
          WHERE ${entityWhere}
          ORDER BY score DESC, e.id LIMIT ${ARM_DEPTH}`
      : none,
    short
      ? db.$queryRaw<Hit[]>`
          WITH candidates AS MATERIALIZED (
            SELECT c.id FROM "KnowledgeObservation" c WHERE c.text %> ${query}
          )
          SELECT o."entityId", o.id AS "observationId", word_similarity(${query}, o.text)::float8 AS score
          FROM candidates
          JOIN "KnowledgeObservation" o ON o.id = candidates.id
          JOIN "KnowledgeEntity" e ON e.id = o."entityId"
          WHERE ${observationWhere} AND ${entityWhere}
          ORDER BY score DESC, o.id LIMIT ${ARM_DEPTH}`
      : none,
  ]);
  const vector = vectorSql
    ? await db.$queryRaw<Hit[]>`
        SELECT o."entityId", o.id AS "observationId", (1 - (k.embedding::vector <=> ${vectorSql}))::float8 AS score
        FROM "KnowledgeEmbedding" k
        JOIN "KnowledgeObservation" o ON o.id = k."observationId"
        JOIN "KnowledgeEntity" e ON e.id = o."entityId"
        WHERE k."orgId" = ${org} AND k.model = ${EMBEDDING_MODEL} AND ${observationWhere} AND ${entityWhere}
        ORDER BY k.embedding::vector <=> ${vectorSql} LIMIT ${ARM_DEPTH}`
    : [];
  return {
    hits: { name, entityText, entityTrigram, observationText, observationTrigram, vector },
    vectors: vectorSql
      ? vectors
      : vectors.available
        ? { available: false, reason: "Embedding the query failed." }
        : vectors,
  };
}
