import { z } from "zod";

export const ZListMyOrgsResponseSchema = z.object({
  activeOrgId: z.string().nullable(),
  orgs: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string(), role: z.string() })),
});
