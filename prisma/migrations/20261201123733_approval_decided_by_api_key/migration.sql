-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "decidedByApiKeyId" TEXT;
