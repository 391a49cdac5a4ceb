import "server-only";
import { z } from "zod";
import { DomainError } from "../../../errors";
import { ZPartViewSchema } from "../../../schemas/task-event-view";
import { getTaskWithTree } from "../../../services/tasks/task-tree";
import { defineRoute } from "../../route";
import { ZTaskDetailSchema, ZTaskIdParamsSchema } from "./task-schemas";

const NOT_FOUND = "No task of the key's organization has this id.";
const ZPartsSchema = z.array(ZPartViewSchema);
const iso = (date: Date | null) => date?.toISOString() ?? null;

export const getTask = defineRoute({
  method: "get",
  path: "/api/v1/tasks/{id}",
  operationId: "getTask",
  summary: "Get a task with its tree",
  description:
    "The task's state, results and cost, where it sits in its task tree (`parentId`, `rootId`, `depth`), the " +
    "tasks it started (`children`: each child's agent, state and cost; a seller's agent delegating with its " +
    "grant, or a department's manager routing and planning) and `totalCost`: held plus captured credits across " +
    "its tree from here.",
  tag: "Tasks",
  access: { kind: "apiKey", scope: "tasks:read" },
  params: ZTaskIdParamsSchema,
  notFound: () => new DomainError("task_not_found", NOT_FOUND),
  errors: { 404: `\`task_not_found\`: ${NOT_FOUND}` },
  responses: { 200: { description: "The task.", schema: ZTaskDetailSchema } },
  handler: async ({ principal, params }) => {
    const task = await getTaskWithTree({ orgId: principal.orgId, taskId: params.id });
    if (!task) throw new DomainError("task_not_found", NOT_FOUND);
    const { root } = task.tree;
    return {
      status: 200,
      body: {
        id: task.id,
        contextId: task.contextId,
        agent: root.agent,
        kind: root.kind,
        source: task.source,
        state: root.state,
        statusMessage: task.statusMessage,
        price: root.price,
        cost: root.costCredits,
        parentId: task.parentTaskId,
        rootId: task.rootTaskId ?? task.id,
        depth: root.depth,
        departmentId: root.departmentId,
        positionId: task.positionId,
        createdAt: root.createdAt.toISOString(),
        startedAt: iso(root.startedAt),
        finishedAt: iso(root.finishedAt),
        artifacts: task.artifacts.map((a) => {
          const parts = ZPartsSchema.safeParse(a.parts);
          return {
            artifactId: a.artifactId,
            name: a.name,
            description: a.description,
            parts: parts.success ? parts.data : [],
          };
        }),
        children: root.children.map((child) => ({
          id: child.id,
          agent: child.agent,
          state: child.state,
          depth: child.depth,
          cost: child.costCredits,
          totalCost: child.totalCostCredits,
          childCount: child.children.length,
          createdAt: child.createdAt.toISOString(),
          startedAt: iso(child.startedAt),
          finishedAt: iso(child.finishedAt),
        })),
        totalCost: task.tree.totalCostCredits,
        treeSize: task.tree.nodeCount,
      },
    };
  },
});
