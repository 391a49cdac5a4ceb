import "server-only";
import { z } from "zod";
import { TaskKind, TaskSource, TaskState } from "../../../generated/prisma/enums";
import { zId } from "../../../schemas/primitives";
import { ZPartViewSchema } from "../../../schemas/task-event-view";
import { zDateTime } from "../../schemas";

/** What GET /api/v1/tasks/{id} reads and answers. */

export const ZTaskIdParamsSchema = z.object({
  id: zId.meta({ description: "The task's id (also its A2A task id on the gateway)." }),
});

const ZTaskAgentSchema = z
  .object({ slug: z.string().meta({ example: "northwind-literature-scout" }), name: z.string() })
  .meta({ id: "TaskAgent", description: "The listed agent that ran the task." });

const credits = (description: string) => z.int().meta({ description });

export const ZTaskChildSchema = z
  .object({
    id: z.string().meta({ description: "The child task: GET /api/v1/tasks/{id} for its own tree." }),
    agent: ZTaskAgentSchema,
    state: z.enum(TaskState),
    depth: z.int().meta({ description: "Its depth in the tree (the top task is 0)." }),
    cost: credits("Credits this child holds or was charged (0 once its hold is released)."),
    totalCost: credits("The child and everything below it, held plus captured."),
    childCount: z.int().meta({ description: "Its own direct children." }),
    createdAt: zDateTime,
    startedAt: zDateTime.nullable(),
    finishedAt: zDateTime.nullable(),
  })
  .meta({ id: "TaskChild", description: "A task this task started (delegated or planned)." });

export const ZTaskDetailSchema = z
  .object({
    id: z.string(),
    contextId: z.string(),
    agent: ZTaskAgentSchema,
    kind: z.enum(TaskKind).meta({ description: "AGENT: one agent's call; MANAGER: a department's request." }),
    source: z.enum(TaskSource),
    state: z.enum(TaskState),
    statusMessage: z.string().nullable(),
    price: credits("The agent's price for this task."),
    cost: credits("Credits this task holds or was charged (0 once its hold is released)."),
    parentId: z.string().nullable().meta({ description: "The task that started this one; null for a top task." }),
    rootId: z.string().meta({ description: "The top task of its tree (its own id for a top task)." }),
    depth: z.int().meta({ description: "0 for a top task; a child is its parent's depth + 1 (at most 5)." }),
    departmentId: z.string().nullable(),
    positionId: z.string().nullable(),
    createdAt: zDateTime,
    startedAt: zDateTime.nullable(),
    finishedAt: zDateTime.nullable(),
    artifacts: z.array(
      z.object({
        artifactId: z.string(),
        name: z.string().nullable(),
        description: z.string().nullable(),
        parts: z.array(ZPartViewSchema),
      }),
    ),
    children: z.array(ZTaskChildSchema),
    totalCost: credits("This task and every task below it (its whole tree from here), held plus captured."),
    treeSize: z.int().meta({ description: "Tasks in the tree from here, this one included." }),
  })
  .meta({ id: "TaskDetail", description: "A task with its place in its tree, its children and the tree's cost." });
