import { z } from "zod";
import { TaskSource, TaskState } from "../../../generated/prisma/enums";

export const ZTaskStateSchema = z.enum(TaskState);

export const ZListTasksRequestSchema = z.object({
  state: ZTaskStateSchema.nullish(),
  agentSlug: z.string().trim().min(1).max(100).nullish(),
  source: z.enum(TaskSource).nullish(),
  search: z.string().trim().max(100).nullish(),
  cursor: z.string().min(1).max(64).nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});

export const ZTaskRowSchema = z.object({
  id: z.string(),
  state: ZTaskStateSchema,
  source: z.enum(TaskSource),
  price: z.number().int(),
  statusMessage: z.string().nullable(),
  preview: z.string(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
  agent: z.object({ slug: z.string(), name: z.string() }),
});
export const ZListTasksResponseSchema = z.object({ items: z.array(ZTaskRowSchema), nextCursor: z.string().nullable() });
