import { z } from "zod";
import { zId, zPageSize, zSlug, zText } from "../../../schemas/primitives";
import { TaskSource, TaskState } from "../../../generated/prisma/enums";

export const ZTaskStateSchema = z.enum(TaskState);

export const ZListTasksRequestSchema = z.object({
  state: ZTaskStateSchema.nullish(),
  agentSlug: zSlug.nullish(),
  source: z.enum(TaskSource).nullish(),
  search: zText(100).nullish(),
  /** The last task id of the previous page. */
  cursor: zId.nullish(),
  limit: zPageSize({ max: 50, default: 20 }),
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
