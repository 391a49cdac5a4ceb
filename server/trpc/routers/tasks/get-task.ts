import "server-only";
import { DomainError } from "../../../errors";
import { getOrgTask } from "../../../services/tasks/get-org-task";
import { orgProcedure } from "../../init";
import { ZGetTaskResponseSchema, ZTaskIdRequestSchema } from "./get-task.types";

export const getTaskProcedure = orgProcedure
  .input(ZTaskIdRequestSchema)
  .output(ZGetTaskResponseSchema)
  .query(async ({ ctx, input }) => {
    const task = await getOrgTask({ orgId: ctx.org.id, taskId: input.taskId });
    if (!task) throw new DomainError("task_not_found", "Task not found.");
    return task;
  });
