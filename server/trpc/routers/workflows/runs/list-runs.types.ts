import { z } from "zod";
import { WorkflowRunState } from "../../../../generated/prisma/enums";
import { zId, zPageSize } from "../../../../schemas/primitives";
import { ZWorkflowRunSummarySchema } from "../workflows.types";

export const ZListRunsRequestSchema = z.object({
  workflowId: zId.nullish(),
  state: z.enum(WorkflowRunState).nullish(),
  cursor: zId.nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});
export const ZListRunsResponseSchema = z.object({
  items: z.array(ZWorkflowRunSummarySchema),
  nextCursor: z.string().nullable(),
});
