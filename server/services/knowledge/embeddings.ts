import "server-only";
import { createOpenAI } from "@ai-sdk/openai";
import { embedMany } from "ai";
import { db } from "../../db";
import { env } from "../../env";
import { Prisma } from "../../generated/prisma/client";
import { logger } from "../../logger";

/**
 * The vector arm of knowledge search: observations embedded with OpenAI's
 * text-embedding-3-small where OPENAI_API_KEY is set, stored as float8[]
 * (KnowledgeEmbedding) and compared with pgvector's cosine distance where the
 * extension is installed. Either missing, search is full text + trigram and
 * says so (`vectorStatus`).
 */
export const EMBEDDING_MODEL = "text-embedding-3-small";
const EMBED_TIMEOUT_MS = 10_000;
/** How long a process trusts its answer to "is pgvector installed?". */
const EXTENSION_CHECK_MS = 60_000;

export type VectorStatus = { available: true } | { available: false; reason: string };

let extensionCheck: { at: number; installed: boolean } | null = null;

async function pgvectorInstalled(): Promise<boolean> {
  if (extensionCheck && Date.now() - extensionCheck.at < EXTENSION_CHECK_MS) return extensionCheck.installed;
  const rows = await db.$queryRaw<{ installed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') AS installed`;
  extensionCheck = { at: Date.now(), installed: rows[0]?.installed === true };
  return extensionCheck.installed;
}

/** Whether searches use vectors here, and if not, why. */
export async function vectorStatus(): Promise<VectorStatus> {
  if (!env.OPENAI_API_KEY) return { available: false, reason: "No embedding provider key (OPENAI_API_KEY) is set." };
  if (!(await pgvectorInstalled()))
    return { available: false, reason: "The database has no pgvector extension installed." };
  return { available: true };
}

function embeddingModel() {
  const settings = { apiKey: env.OPENAI_API_KEY, ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}) };
  return createOpenAI(settings).embedding(EMBEDDING_MODEL);
}

export async function embedTexts(values: string[]): Promise<number[][]> {
  const { embeddings } = await embedMany({
    model: embeddingModel(),
    values,
    maxRetries: 1,
    abortSignal: AbortSignal.timeout(EMBED_TIMEOUT_MS),
  });
  return embeddings;
}

/** pgvector's text form of a vector. */
export const vectorLiteral = (vector: readonly number[]) => `[${vector.join(",")}]`;

/**
 * Embeds the org's observations that have no embedding yet (all of them, or
 * those named), after the write that made them committed. Failing here
 * never fails the write: the observation is still found by text, and a
 * later call (or the next write) embeds it.
 */
export async function embedObservations(orgId: string, observationIds?: readonly string[]): Promise<number> {
  if (!(await vectorStatus()).available) return 0;
  const pending = await db.knowledgeObservation.findMany({
    where: {
      orgId,
      embedding: null,
      retractedAt: null,
      ...(observationIds ? { id: { in: [...observationIds] } } : {}),
    },
    select: { id: true, text: true },
    take: 256,
  });
  if (pending.length === 0) return 0;
  try {
    const vectors = await embedTexts(pending.map((o) => o.text));
    await db.knowledgeEmbedding.createMany({
      data: pending.map((o, i) => ({ observationId: o.id, orgId, model: EMBEDDING_MODEL, embedding: vectors[i]! })),
      skipDuplicates: true,
    });
    return pending.length;
  } catch (error) {
    logger.warn({ err: error, orgId, count: pending.length }, "Embedding knowledge observations failed");
    return 0;
  }
}

/** The vector of a query, or null when vectors are unavailable or the provider failed (search goes on without). */
export async function queryVector(text: string): Promise<Prisma.Sql | null> {
  if (!(await vectorStatus()).available) return null;
  try {
    const [vector] = await embedTexts([text]);
    return vector ? Prisma.sql`${vectorLiteral(vector)}::vector` : null;
  } catch (error) {
    logger.warn({ err: error }, "Embedding a knowledge query failed; searching by text only");
    return null;
  }
}
