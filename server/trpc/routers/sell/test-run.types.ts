import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";

export const ZTestRunRequestSchema = z.object({
  agentId: zId,
  text: zText(20_000, "Keep the request under 20,000 characters.").min(1, "Describe what the agent should do."),
});
export const ZTestRunResponseSchema = z.object({ id: z.string(), price: z.number().int() });
