-- AlterEnum
ALTER TYPE "TaskSource" ADD VALUE 'API';
