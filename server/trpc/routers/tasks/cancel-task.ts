import "server-only";
import { requestCancel } from "../../../services/tasks/cancel-task";
import { orgRoleProcedure } from "../../init";
import { ZCancelTaskRequestSchema, ZCancelTaskResponseSchema } from "./cancel-task.types";

export const cancelTaskProcedure = orgRoleProcedure("member")
  .input(ZCancelTaskRequestSchema)
  .output(ZCancelTaskResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await requestCancel({ orgId: ctx.org.id, taskId: input.taskId });
    return { cancelRequested: true as const };
  });
