import { z } from "zod";

export const ZReplyToTaskRequestSchema = z.object({
  taskId: z.string().min(1).max(64),
  text: z.string().trim().min(1, "Write an answer first.").max(20_000, "Keep the answer under 20,000 characters."),
});
export const ZReplyToTaskResponseSchema = z.object({ turn: z.number().int() });
