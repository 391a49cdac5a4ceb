import { z } from "zod";

export const ZCreateCheckoutRequestSchema = z.object({ packId: z.string().min(1).max(64) });
export const ZCreateCheckoutResponseSchema = z.object({ url: z.string().url() });
