import { z } from "zod";

export const ZListGrantsRequestSchema = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .nullish(),
  limit: z.number().int().min(1).max(50).default(10),
});
export const ZListGrantsResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      orgName: z.string(),
      amount: z.number().int(),
      reason: z.string(),
      actorName: z.string(),
      createdAt: z.date(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
