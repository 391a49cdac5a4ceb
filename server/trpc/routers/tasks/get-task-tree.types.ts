import { z } from "zod";
import { TaskKind } from "../../../generated/prisma/enums";
import { ZTaskStateSchema } from "./list-tasks.types";

export const ZTaskTreeNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  depth: z.number().int(),
  kind: z.enum(TaskKind),
  state: ZTaskStateSchema,
  agent: z.object({ slug: z.string(), name: z.string() }),
  costCredits: z.number().int(),
  totalCostCredits: z.number().int(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});
export type TaskTreeNodeView = z.infer<typeof ZTaskTreeNodeSchema>;

/** The whole tree the task belongs to, from its root: nodes parents first (level by level). */
export const ZGetTaskTreeResponseSchema = z.object({
  rootId: z.string(),
  nodes: z.array(ZTaskTreeNodeSchema),
  nodeCount: z.number().int(),
  totalCostCredits: z.number().int(),
  truncated: z.boolean(),
});
export type TaskTreeView = z.infer<typeof ZGetTaskTreeResponseSchema>;
