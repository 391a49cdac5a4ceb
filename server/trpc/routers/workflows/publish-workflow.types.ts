import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";
import { ZGraphCheckSchema, ZPublishedVersionSchema } from "./workflows.types";

export const ZPublishWorkflowRequestSchema = z.object({
  workflowId: zId,
  note: zText(500).nullish(),
  /** The draftSavedAt the publisher reviewed. */
  expectedSavedAt: z.date().optional(),
});
export const ZPublishWorkflowResponseSchema = z.object({ version: ZPublishedVersionSchema, check: ZGraphCheckSchema });
