import "server-only";
import { db } from "../../db";
import { env } from "../../env";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes org events older than the retention (EVENT_RETENTION_DAYS), in
 * batches of `batchSize` so no statement holds many row locks or one long
 * transaction. Stops after `maxBatches` (the next day's run goes on), so one
 * run after a long outage stays bounded. Returns how many rows went.
 */
export async function pruneOrgEvents(input: {
  now: Date;
  retentionDays?: number;
  batchSize?: number;
  maxBatches?: number;
}): Promise<{ deleted: number; cutoff: Date }> {
  const retentionDays = input.retentionDays ?? env.EVENT_RETENTION_DAYS;
  const batchSize = input.batchSize ?? 5_000;
  const maxBatches = input.maxBatches ?? 200;
  const cutoff = new Date(input.now.getTime() - retentionDays * DAY_MS);
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const count = await db.$executeRaw`
      DELETE FROM "Event" WHERE "id" IN (
        SELECT "id" FROM "Event" WHERE "createdAt" < ${cutoff} ORDER BY "createdAt" LIMIT ${batchSize}
      )`;
    deleted += count;
    if (count < batchSize) break;
  }
  return { deleted, cutoff };
}
