import { z } from "zod";

export const ZSearchOrgsRequestSchema = z.object({ query: z.string().max(100).default("") });
export const ZSearchOrgsResponseSchema = z.array(
  z.object({ id: z.string(), name: z.string(), slug: z.string(), balance: z.number().int() }),
);
