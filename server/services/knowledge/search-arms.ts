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
 *   and partial words, and for names mentioned inside a longer text;
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
}

/** Hits per arm, and at most this many from each. */
export const ARM_DEPTH = 50;
/** pg_trgm word similarity a hit needs (0..1): 0.5 lets one typo in a short word through. */
const TRIGRAM_THRESHOLD = 0.5;

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
  // Any word of the query: the OR of its lexemes (already normalised, so cast, not re-parsed).
  const anyWord = Prisma.sql`(SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery
    FROM unnest(to_tsvector('english', ${query})))`;
  const key = nameKeyOf(query);
  const vectorSql = await queryVector(query);
  const vectors = await vectorStatus();

  const [, name, entityText, entityTrigram, observationText, observationTrigram] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TRIGRAM_THRESHOLD)}, true)`,
    db.$queryRaw<Hit[]>`
      SELECT e.id AS "entityId", NULL::text AS "observationId", 1::float8 AS score
      FROM "KnowledgeEntity" e
      WHERE ${entityWhere}
        AND (e."nameKey" = ${key} OR ${key} = ANY (SELECT lower(a) FROM unnest(e.aliases) a))
      ORDER BY e."updatedAt" DESC, e.id LIMIT ${ARM_DEPTH}`,
    db.$queryRaw<Hit[]>`
      WITH q AS (SELECT ${anyWord} AS query)
      SELECT e.id AS "entityId", NULL::text AS "observationId", ts_rank(e."searchVector", q.query)::float8 AS score
      FROM "KnowledgeEntity" e, q
      WHERE ${entityWhere} AND q.query IS NOT NULL AND e."searchVector" @@ q.query
      ORDER BY score DESC, e.id LIMIT ${ARM_DEPTH}`,
    db.$queryRaw<Hit[]>`
      SELECT "entityId", NULL::text AS "observationId", score FROM (
        SELECT e.id AS "entityId",
          greatest(word_similarity(${query}, e."searchText"), word_similarity(e.name, ${query}))::float8 AS score
        FROM "KnowledgeEntity" e WHERE ${entityWhere}
      ) s
      WHERE score >= ${TRIGRAM_THRESHOLD}
      ORDER BY score DESC, "entityId" LIMIT ${ARM_DEPTH}`,
    db.$queryRaw<Hit[]>`
      WITH q AS (SELECT ${anyWord} AS query)
      SELECT o."entityId", o.id AS "observationId", ts_rank(o."searchVector", q.query, 1)::float8 AS score
      FROM "KnowledgeObservation" o JOIN "KnowledgeEntity" e ON e.id = o."entityId", q
      WHERE ${observationWhere} AND ${entityWhere} AND q.query IS NOT NULL AND o."searchVector" @@ q.query
      ORDER BY score DESC, o.id LIMIT ${ARM_DEPTH}`,
    db.$queryRaw<Hit[]>`
      SELECT o."entityId", o.id AS "observationId", word_similarity(${query}, o.text)::float8 AS score
      FROM "KnowledgeObservation" o JOIN "KnowledgeEntity" e ON e.id = o."entityId"
      WHERE ${observationWhere} AND ${entityWhere} AND ${query} <% o.text
      ORDER BY score DESC, o.id LIMIT ${ARM_DEPTH}`,
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
