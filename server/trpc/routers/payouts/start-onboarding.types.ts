import { z } from "zod";

export const ZStartOnboardingResponseSchema = z.object({ url: z.string().url() });
