import { z } from "zod";
import { zSlug } from "../../../schemas/primitives";

export const ZGetAgentQualityRequestSchema = z.object({ slug: zSlug });
export const ZGetAgentQualityResponseSchema = z.object({
  taskCount: z.number().int(),
  completedCount: z.number().int(),
  failedCount: z.number().int(),
  canceledCount: z.number().int(),
  successRate: z.number().nullable(),
  p50DurationMs: z.number().nullable(),
  p95DurationMs: z.number().nullable(),
  avgCost: z.number().nullable(),
  ratingAvg: z.number().nullable(),
  ratingCount: z.number().int(),
});
