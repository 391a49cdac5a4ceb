import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZWorkflowDescriptionSchema, ZWorkflowNameSchema } from "./create-workflow.types";
import { ZGraphCheckSchema, ZWorkflowDetailSchema } from "./workflows.types";

export const ZSaveDraftRequestSchema = z.object({
  workflowId: zId,
  /** Checked against the graph schema by the service, which names the field at fault. */
  graph: z.unknown(),
  name: ZWorkflowNameSchema.optional(),
  description: ZWorkflowDescriptionSchema.optional(),
  /** The draftSavedAt this editor last saw: a draft saved elsewhere since is not overwritten. */
  expectedSavedAt: z.date().optional(),
});
export const ZSaveDraftResponseSchema = z.object({ workflow: ZWorkflowDetailSchema, check: ZGraphCheckSchema });
