import { z } from "zod";

export { ZTaskIdRequestSchema as ZCancelTaskRequestSchema } from "./get-task.types";
export const ZCancelTaskResponseSchema = z.object({ cancelRequested: z.literal(true) });
