import { z } from "zod";
import { zId } from "../../../../schemas/primitives";

export const ZCancelRunRequestSchema = z.object({ runId: zId });
export const ZCancelRunResponseSchema = z.object({
  canceled: z.literal(true),
  /** In-flight tasks of the run's agent steps that were asked to cancel (their holds are released). */
  tasksCanceled: z.number().int(),
});
