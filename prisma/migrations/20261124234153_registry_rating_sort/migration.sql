-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "ratingSort" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Agent_status_ratingSort_id_idx" ON "Agent"("status", "ratingSort" DESC, "id");

-- The tasks/reviews code writes ratingAvg; this keeps the sortable copy in step
-- (a trigger is invisible to Prisma's drift check).
CREATE FUNCTION agent_rating_sort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."ratingSort" := COALESCE(NEW."ratingAvg", 0);
  RETURN NEW;
END $$;

CREATE TRIGGER agent_rating_sort BEFORE INSERT OR UPDATE OF "ratingAvg", "ratingSort"
  ON "Agent" FOR EACH ROW EXECUTE FUNCTION agent_rating_sort();

UPDATE "Agent" SET "ratingSort" = COALESCE("ratingAvg", 0);
