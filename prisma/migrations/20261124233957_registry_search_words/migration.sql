-- DropIndex
DROP INDEX "Agent_searchText_idx";

-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "SearchWord_word_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

-- Words of the listings that already exist (later ones are added by the registry services).
INSERT INTO "SearchWord" ("word")
SELECT DISTINCT w FROM "Agent" a,
  regexp_split_to_table(lower(a."searchText" || ' ' || a."skillText" || ' ' || a."description"), '[^[:alnum:]]+') AS w
WHERE length(w) BETWEEN 3 AND 40
ON CONFLICT DO NOTHING;
