import { z } from "zod";
import { zSlug, zText } from "../../../schemas/primitives";

export const ZStartTaskRequestSchema = z.object({
  agentSlug: zSlug,
  text: zText(20_000, "Keep the request under 20,000 characters.").min(1, "Describe what the agent should do."),
});
export const ZStartTaskResponseSchema = z.object({ id: z.string(), price: z.number().int() });
