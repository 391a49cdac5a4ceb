-- CreateEnum
CREATE TYPE "McpGrantSubject" AS ENUM ('ROLE', 'DEPARTMENT', 'API_KEY');

-- CreateEnum
CREATE TYPE "McpGrantEffect" AS ENUM ('ALLOW', 'HIDE');

-- CreateTable
CREATE TABLE "McpToolGrant" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "subjectType" "McpGrantSubject" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "effect" "McpGrantEffect" NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "McpToolGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "McpToolGrant_orgId_tool_idx" ON "McpToolGrant"("orgId", "tool");

-- CreateIndex
CREATE UNIQUE INDEX "McpToolGrant_orgId_subjectType_subjectId_tool_key" ON "McpToolGrant"("orgId", "subjectType", "subjectId", "tool");
