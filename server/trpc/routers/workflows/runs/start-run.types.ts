import { z } from "zod";
import { zId } from "../../../../schemas/primitives";

export const ZStartRunRequestSchema = z.object({
  workflowId: zId,
  /** The run's input, as its nodes read it (`input.…`). */
  input: z.json().default({}),
  /** A retried start with the same key returns the run it started. */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export const ZStartRunResponseSchema = z.object({
  id: z.string(),
  versionNumber: z.number().int(),
  created: z.boolean(),
});
