import { z } from "zod";
import { zId } from "../../../../schemas/primitives";

export const ZRetryRunRequestSchema = z.object({ runId: zId });
export const ZRetryRunResponseSchema = z.object({ id: z.string(), generation: z.number().int() });
