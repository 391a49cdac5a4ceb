/*
  Warnings:

  - A unique constraint covering the columns `[orgId,clientMessageId]` on the table `Task` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `contextId` to the `Task` table without a default value. This is not possible if the table is not empty.
  - Added the required column `orgId` to the `TaskEvent` table without a default value. This is not possible if the table is not empty.

*/
-- CreateEnum
CREATE TYPE "TaskSource" AS ENUM ('UI', 'A2A', 'MCP', 'WORKFLOW');

-- DropIndex
DROP INDEX "Task_agentId_idx";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "clientMessageId" TEXT,
ADD COLUMN     "contextId" TEXT NOT NULL,
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "remoteContextId" TEXT,
ADD COLUMN     "remoteTaskId" TEXT,
ADD COLUMN     "source" "TaskSource" NOT NULL DEFAULT 'UI',
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "statusMessage" TEXT,
ADD COLUMN     "turn" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "orgId" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "JobEventWaiter" (
    "id" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "matchPath" TEXT NOT NULL,
    "matchValue" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobEventWaiter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Artifact" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "artifactId" TEXT NOT NULL,
    "name" TEXT,
    "description" TEXT,
    "parts" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Artifact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskPushConfig" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "configId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "token" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskPushConfig_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "sellerReply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "JobEventWaiter_eventName_matchValue_idx" ON "JobEventWaiter"("eventName", "matchValue");

-- CreateIndex
CREATE UNIQUE INDEX "JobEventWaiter_workflowId_topic_key" ON "JobEventWaiter"("workflowId", "topic");

-- CreateIndex
CREATE UNIQUE INDEX "Artifact_taskId_artifactId_key" ON "Artifact"("taskId", "artifactId");

-- CreateIndex
CREATE INDEX "TaskPushConfig_orgId_idx" ON "TaskPushConfig"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskPushConfig_taskId_configId_key" ON "TaskPushConfig"("taskId", "configId");

-- CreateIndex
CREATE INDEX "Review_agentId_createdAt_idx" ON "Review"("agentId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Review_agentId_orgId_key" ON "Review"("agentId", "orgId");

-- CreateIndex
CREATE INDEX "Task_orgId_state_idx" ON "Task"("orgId", "state");

-- CreateIndex
CREATE INDEX "Task_agentId_createdAt_idx" ON "Task"("agentId", "createdAt");

-- CreateIndex
CREATE INDEX "Task_state_updatedAt_idx" ON "Task"("state", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Task_orgId_clientMessageId_key" ON "Task"("orgId", "clientMessageId");

-- CreateIndex
CREATE INDEX "TaskEvent_orgId_id_idx" ON "TaskEvent"("orgId", "id");

-- AddForeignKey
ALTER TABLE "Artifact" ADD CONSTRAINT "Artifact_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskPushConfig" ADD CONSTRAINT "TaskPushConfig_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
