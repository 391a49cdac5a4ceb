import { z } from "zod";
import { zId, zSlug, zText } from "../../../schemas/primitives";

export const ZAskRequestSchema = z.object({
  /** null: the whole company. */
  departmentSlug: zSlug.nullable(),
  text: zText(8_000, "Keep a request under 8,000 characters.").min(1, "Say what you need."),
  messageId: z.string().min(1).max(200),
});
export const ZAskResponseSchema = z.object({ taskId: z.string() });

export const ZRequestViewRequestSchema = z.object({ taskId: zId });

export const ZSavePlanRequestSchema = z.object({ taskId: zId, name: zText(120).min(1, "Name the workflow.") });
export const ZSavePlanResponseSchema = z.object({ workflowId: z.string() });
