import { z } from "zod";

/** Cursor pagination input shared by the money lists (cursor = last id of the previous page). */
export const ZPageRequestSchema = z.object({
  cursor: z.string().min(1).max(64).nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});
