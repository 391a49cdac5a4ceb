import "server-only";
import { replyToTask } from "../../../services/tasks/reply-to-task";
import { orgRoleProcedure } from "../../init";
import { ZReplyToTaskRequestSchema, ZReplyToTaskResponseSchema } from "./reply-to-task.types";

/** The buyer answers an agent's question; the run continues on the same hold. */
export const replyToTaskProcedure = orgRoleProcedure("member")
  .input(ZReplyToTaskRequestSchema)
  .output(ZReplyToTaskResponseSchema)
  .mutation(({ ctx, input }) =>
    replyToTask({
      orgId: ctx.org.id,
      taskId: input.taskId,
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: input.text }] },
    }),
  );
