import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";
import { ZPublishedVersionSchema } from "./workflows.types";

export const ZRollbackWorkflowRequestSchema = z.object({
  workflowId: zId,
  toVersion: z.number().int().positive(),
  note: zText(500).nullish(),
});
export const ZRollbackWorkflowResponseSchema = ZPublishedVersionSchema;
