-- AlterEnum: PAUSED sits before SUSPENDED, as in prisma/schema.
-- Postgres cannot use a value added in the same transaction, and each
-- migration runs as one; the rows move in the next migration.
ALTER TYPE "AgentStatus" ADD VALUE 'PAUSED' BEFORE 'SUSPENDED';

-- AlterEnum
ALTER TYPE "TaskSource" ADD VALUE 'SANDBOX';
