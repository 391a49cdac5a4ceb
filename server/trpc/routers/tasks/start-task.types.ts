import { z } from "zod";

export const ZStartTaskRequestSchema = z.object({
  agentSlug: z.string().trim().min(1).max(100),
  text: z
    .string()
    .trim()
    .min(1, "Describe what the agent should do.")
    .max(20_000, "Keep the request under 20,000 characters."),
});
export const ZStartTaskResponseSchema = z.object({ id: z.string(), price: z.number().int() });
