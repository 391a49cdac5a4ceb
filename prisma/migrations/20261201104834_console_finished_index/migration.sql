-- CreateIndex
CREATE INDEX "Task_orgId_finishedAt_idx" ON "Task"("orgId", "finishedAt");
