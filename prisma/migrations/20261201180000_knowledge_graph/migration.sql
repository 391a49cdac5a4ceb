-- Trigram matching for knowledge search (the gin_trgm_ops indexes below need it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "KnowledgeSource" AS ENUM ('MEMBER', 'ARTIFACT', 'AGENT', 'API', 'IMPORT');

-- CreateEnum
CREATE TYPE "KnowledgeIngestPolicy" AS ENUM ('AUTO', 'REVIEW');

-- CreateEnum
CREATE TYPE "KnowledgeProposalState" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "KnowledgeEntity" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "departmentId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aliases" TEXT[],
    "summary" TEXT NOT NULL DEFAULT '',
    "createdKind" "KnowledgeSource" NOT NULL,
    "createdById" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "searchVector" tsvector,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeObservation" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "expiresAt" TIMESTAMP(3),
    "source" "KnowledgeSource" NOT NULL,
    "userId" TEXT,
    "apiKeyId" TEXT,
    "taskId" TEXT,
    "agentId" TEXT,
    "workflowRunId" TEXT,
    "artifactId" TEXT,
    "proposalId" TEXT,
    "retractedAt" TIMESTAMP(3),
    "retractedById" TEXT,
    "searchVector" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeObservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeRelation" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "source" "KnowledgeSource" NOT NULL,
    "userId" TEXT,
    "apiKeyId" TEXT,
    "taskId" TEXT,
    "agentId" TEXT,
    "workflowRunId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeRevision" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgePolicy" (
    "departmentId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "ingest" "KnowledgeIngestPolicy" NOT NULL DEFAULT 'REVIEW',
    "attachContext" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgePolicy_pkey" PRIMARY KEY ("departmentId")
);

-- CreateTable
CREATE TABLE "KnowledgeProposal" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "departmentId" TEXT,
    "taskId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "workflowRunId" TEXT,
    "digest" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "state" "KnowledgeProposalState" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KnowledgeEmbedding" (
    "observationId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "embedding" DOUBLE PRECISION[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KnowledgeEmbedding_pkey" PRIMARY KEY ("observationId")
);

-- CreateIndex
CREATE INDEX "KnowledgeEntity_orgId_departmentId_updatedAt_idx" ON "KnowledgeEntity"("orgId", "departmentId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "KnowledgeEntity_searchVector_idx" ON "KnowledgeEntity" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "KnowledgeEntity_searchText_idx" ON "KnowledgeEntity" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeEntity_orgId_scopeKey_type_nameKey_key" ON "KnowledgeEntity"("orgId", "scopeKey", "type", "nameKey");

-- CreateIndex
CREATE INDEX "KnowledgeObservation_entityId_createdAt_idx" ON "KnowledgeObservation"("entityId", "createdAt");

-- CreateIndex
CREATE INDEX "KnowledgeObservation_orgId_taskId_idx" ON "KnowledgeObservation"("orgId", "taskId");

-- CreateIndex
CREATE INDEX "KnowledgeObservation_searchVector_idx" ON "KnowledgeObservation" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "KnowledgeObservation_text_idx" ON "KnowledgeObservation" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "KnowledgeRelation_toId_idx" ON "KnowledgeRelation"("toId");

-- CreateIndex
CREATE INDEX "KnowledgeRelation_orgId_idx" ON "KnowledgeRelation"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeRelation_fromId_type_toId_key" ON "KnowledgeRelation"("fromId", "type", "toId");

-- CreateIndex
CREATE INDEX "KnowledgeRevision_entityId_id_idx" ON "KnowledgeRevision"("entityId", "id");

-- CreateIndex
CREATE INDEX "KnowledgeRevision_orgId_id_idx" ON "KnowledgeRevision"("orgId", "id");

-- CreateIndex
CREATE INDEX "KnowledgePolicy_orgId_idx" ON "KnowledgePolicy"("orgId");

-- CreateIndex
CREATE INDEX "KnowledgeProposal_orgId_state_createdAt_idx" ON "KnowledgeProposal"("orgId", "state", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "KnowledgeProposal_orgId_taskId_digest_key" ON "KnowledgeProposal"("orgId", "taskId", "digest");

-- CreateIndex
CREATE INDEX "KnowledgeEmbedding_orgId_model_idx" ON "KnowledgeEmbedding"("orgId", "model");

-- AddForeignKey
ALTER TABLE "KnowledgeObservation" ADD CONSTRAINT "KnowledgeObservation_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "KnowledgeEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRelation" ADD CONSTRAINT "KnowledgeRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "KnowledgeEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRelation" ADD CONSTRAINT "KnowledgeRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "KnowledgeEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeRevision" ADD CONSTRAINT "KnowledgeRevision_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "KnowledgeEntity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeEmbedding" ADD CONSTRAINT "KnowledgeEmbedding_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "KnowledgeObservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search vectors are kept by triggers (as the registry's are; invisible to
-- Prisma's drift check). Entity: name and aliases (A), type (B), summary (C).
-- Observation: its text.
CREATE FUNCTION knowledge_entity_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."name", '') || ' ' || coalesce(array_to_string(NEW."aliases", ' '), '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."type", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."summary", '')), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER knowledge_entity_search_vector BEFORE INSERT OR UPDATE OF "name", "aliases", "type", "summary"
  ON "KnowledgeEntity" FOR EACH ROW EXECUTE FUNCTION knowledge_entity_search_vector();

CREATE FUNCTION knowledge_observation_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('english', coalesce(NEW."text", ''));
  RETURN NEW;
END $$;

CREATE TRIGGER knowledge_observation_search_vector BEFORE INSERT OR UPDATE OF "text"
  ON "KnowledgeObservation" FOR EACH ROW EXECUTE FUNCTION knowledge_observation_search_vector();

-- pgvector where the server has it (Supabase does; this machine's Postgres
-- does not): installed here so vector search can cast KnowledgeEmbedding's
-- float8[] to vector. Where it is missing, or the role may not install
-- extensions, the migration goes on and search stays full text + trigram.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'pgvector is available but this role cannot install it; knowledge search runs without vectors.';
END $$;
