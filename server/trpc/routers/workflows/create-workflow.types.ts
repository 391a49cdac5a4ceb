import { z } from "zod";
import { zSlug, zText } from "../../../schemas/primitives";
import { ZWorkflowDetailSchema } from "./workflows.types";

export const WORKFLOW_NAME_MAX_LENGTH = 120;
export const WORKFLOW_DESCRIPTION_MAX_LENGTH = 2_000;

export const ZWorkflowNameSchema = zText(WORKFLOW_NAME_MAX_LENGTH).min(1, "Give the workflow a name.");
export const ZWorkflowDescriptionSchema = zText(WORKFLOW_DESCRIPTION_MAX_LENGTH);

export const ZCreateWorkflowRequestSchema = z.object({
  name: ZWorkflowNameSchema.optional(),
  description: ZWorkflowDescriptionSchema.optional(),
  source: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("blank") }),
    z.object({ kind: z.literal("template"), templateId: zSlug }),
    /** Checked against the graph schema by the service, which names the field at fault. */
    z.object({ kind: z.literal("graph"), graph: z.unknown() }),
  ]),
});
export const ZCreateWorkflowResponseSchema = ZWorkflowDetailSchema;
