import "server-only";
import { DomainError } from "../../../errors";
import { getTaskTree, treeRootOf, type TaskTreeNode } from "../../../services/tasks/task-tree";
import { orgProcedure } from "../../init";
import { ZTaskIdRequestSchema } from "./get-task.types";
import { ZGetTaskTreeResponseSchema, type TaskTreeNodeView } from "./get-task-tree.types";

/** The tree the task belongs to (who asked whom, each node's state and cost), for its page's tree panel. */
export const getTaskTreeProcedure = orgProcedure
  .input(ZTaskIdRequestSchema)
  .output(ZGetTaskTreeResponseSchema)
  .query(async ({ ctx, input }) => {
    const rootId = await treeRootOf({ orgId: ctx.org.id, taskId: input.taskId });
    const tree = rootId ? await getTaskTree({ orgId: ctx.org.id, taskId: rootId }) : null;
    if (!rootId || !tree) throw new DomainError("task_not_found", "Task not found.");
    return {
      rootId,
      nodes: flatten(tree.root),
      nodeCount: tree.nodeCount,
      totalCostCredits: tree.totalCostCredits,
      truncated: tree.truncated,
    };
  });

function flatten(root: TaskTreeNode): TaskTreeNodeView[] {
  const out: TaskTreeNodeView[] = [];
  const queue = [root];
  for (let node = queue.shift(); node; node = queue.shift()) {
    const { children, departmentId: _department, price: _price, ...view } = node;
    out.push(view);
    queue.push(...children);
  }
  return out;
}
