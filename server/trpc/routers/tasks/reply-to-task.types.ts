import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";

export const ZReplyToTaskRequestSchema = z.object({
  taskId: zId,
  text: zText(20_000, "Keep the answer under 20,000 characters.").min(1, "Write an answer first."),
});
export const ZReplyToTaskResponseSchema = z.object({ turn: z.number().int() });
