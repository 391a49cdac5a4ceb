import { z } from "zod";

export const ZListTaskAgentsResponseSchema = z.array(z.object({ slug: z.string(), name: z.string() }));
