-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "runnerId" TEXT;

-- CreateTable
CREATE TABLE "TaskRunner" (
    "id" TEXT NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskRunner_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskRunner_heartbeatAt_idx" ON "TaskRunner"("heartbeatAt");

-- CreateIndex
CREATE INDEX "Task_runnerId_idx" ON "Task"("runnerId");
