-- Trigram matching for typo-tolerant search (the searchText index below needs it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "AgentHealth" AS ENUM ('UNKNOWN', 'HEALTHY', 'FAILING');

-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "currentVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "docsUrl" TEXT,
ADD COLUMN     "health" "AgentHealth" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "healthFailures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "healthFlagged" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "iconUrl" TEXT,
ADD COLUMN     "inputModes" TEXT[],
ADD COLUMN     "lastCheckedAt" TIMESTAMP(3),
ADD COLUMN     "lastLatencyMs" INTEGER,
ADD COLUMN     "outputModes" TEXT[],
ADD COLUMN     "protocolVersion" TEXT NOT NULL DEFAULT '1.0',
ADD COLUMN     "provider" TEXT,
ADD COLUMN     "providerUrl" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "pushNotifications" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "ratingAvg" DOUBLE PRECISION,
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "skillText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "streaming" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "submittedAt" TIMESTAMP(3),
ADD COLUMN     "taskCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AgentVersion" ADD COLUMN     "cardVersion" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'url';

-- CreateTable
CREATE TABLE "AgentSkill" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "skillId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "tags" TEXT[],
    "examples" TEXT[],
    "inputModes" TEXT[],
    "outputModes" TEXT[],
    "searchVector" tsvector,

    CONSTRAINT "AgentSkill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentHealthCheck" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER,
    "error" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentHealthCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "AgentSkill_searchVector_idx" ON "AgentSkill" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "AgentSkill_agentId_skillId_key" ON "AgentSkill"("agentId", "skillId");

-- CreateIndex
CREATE INDEX "AgentHealthCheck_agentId_checkedAt_idx" ON "AgentHealthCheck"("agentId", "checkedAt" DESC);

-- CreateIndex
CREATE INDEX "Agent_status_taskCount_id_idx" ON "Agent"("status", "taskCount" DESC, "id");

-- CreateIndex
CREATE INDEX "Agent_status_pricePerTask_id_idx" ON "Agent"("status", "pricePerTask", "id");

-- CreateIndex
CREATE INDEX "Agent_categories_idx" ON "Agent" USING GIN ("categories");

-- CreateIndex
CREATE INDEX "Agent_searchVector_idx" ON "Agent" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Agent_searchText_idx" ON "Agent" USING GIN ("searchText" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "AgentSkill" ADD CONSTRAINT "AgentSkill_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentHealthCheck" ADD CONSTRAINT "AgentHealthCheck_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search vectors are kept by triggers (Prisma cannot express them; they are
-- invisible to its drift check). Agent: name (A), skills (B), description and
-- tags (C). AgentSkill: name (A), description and tags (B), examples (C).
CREATE FUNCTION agent_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."skillText", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '') || ' ' || coalesce(array_to_string(NEW."tags", ' '), '')), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER agent_search_vector BEFORE INSERT OR UPDATE OF "name", "skillText", "description", "tags"
  ON "Agent" FOR EACH ROW EXECUTE FUNCTION agent_search_vector();

CREATE FUNCTION agent_skill_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."name", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."description", '') || ' ' || coalesce(array_to_string(NEW."tags", ' '), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(array_to_string(NEW."examples", ' '), '')), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER agent_skill_search_vector BEFORE INSERT OR UPDATE OF "name", "description", "tags", "examples"
  ON "AgentSkill" FOR EACH ROW EXECUTE FUNCTION agent_skill_search_vector();

-- Existing rows get their vectors now.
UPDATE "Agent" SET "name" = "name";
