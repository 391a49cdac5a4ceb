import { z } from "zod";
import { zCursor, zPageSize, zText } from "../../../schemas/primitives";
import { ZWorkflowSummarySchema } from "./workflows.types";

export const ZListWorkflowsRequestSchema = z.object({
  search: zText(120).nullish(),
  includeArchived: z.boolean().default(false),
  cursor: zCursor.nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});
export const ZListWorkflowsResponseSchema = z.object({
  items: z.array(ZWorkflowSummarySchema),
  nextCursor: z.string().nullable(),
});
