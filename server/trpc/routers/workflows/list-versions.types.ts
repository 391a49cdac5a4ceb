import { z } from "zod";
import { zId, zPageSize } from "../../../schemas/primitives";

export const ZListVersionsRequestSchema = z.object({
  workflowId: zId,
  /** The last version number of the previous page. */
  cursor: z.number().int().positive().nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});
export const ZWorkflowVersionSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  note: z.string().nullable(),
  rolledBackFrom: z.number().int().nullable(),
  publishedById: z.string().nullable(),
  publishedByName: z.string().nullable(),
  createdAt: z.date(),
  runCount: z.number().int(),
});
export const ZListVersionsResponseSchema = z.object({
  items: z.array(ZWorkflowVersionSummarySchema),
  nextCursor: z.number().int().nullable(),
});
