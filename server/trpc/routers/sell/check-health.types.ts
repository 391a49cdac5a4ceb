import { z } from "zod";

export { ZAgentIdInputSchema as ZCheckHealthRequestSchema } from "./sell.types";
export const ZCheckHealthResponseSchema = z.object({
  ok: z.boolean(),
  httpStatus: z.number().int().nullable(),
  latencyMs: z.number().int().nullable(),
  error: z.string().nullable(),
  cardChanged: z.boolean(),
});
