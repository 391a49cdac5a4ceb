import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { TaskSource } from "../../../generated/prisma/enums";
import { ZPartViewSchema, ZTaskEventViewSchema } from "../../../schemas/task-event-view";
import { ZOwnReviewSchema } from "../reviews/review.types";
import { ZTaskStateSchema } from "./list-tasks.types";

export const ZTaskIdRequestSchema = z.object({ taskId: zId });

export const ZGetTaskResponseSchema = z.object({
  id: z.string(),
  state: ZTaskStateSchema,
  statusMessage: z.string().nullable(),
  price: z.number().int(),
  source: z.enum(TaskSource),
  /** MANAGER: a request to a department (or the company), answered by its manager's route or plan. */
  kind: z.enum(["AGENT", "MANAGER"]),
  department: z.object({ slug: z.string(), name: z.string() }).nullable(),
  position: z.object({ id: z.string(), title: z.string() }).nullable(),
  turn: z.number().int(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  durationMs: z.number().int().nullable(),
  cancelRequested: z.boolean(),
  settled: z.boolean(),
  agent: z.object({ slug: z.string(), name: z.string(), published: z.boolean() }),
  artifacts: z.array(
    z.object({
      artifactId: z.string(),
      name: z.string().nullable(),
      description: z.string().nullable(),
      parts: z.array(ZPartViewSchema),
    }),
  ),
  events: z.array(ZTaskEventViewSchema),
  canReview: z.boolean(),
  review: ZOwnReviewSchema.nullable(),
});
