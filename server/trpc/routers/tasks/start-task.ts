import "server-only";
import { startTask } from "../../../services/tasks/start-task";
import { orgRoleProcedure } from "../../init";
import { ZStartTaskRequestSchema, ZStartTaskResponseSchema } from "./start-task.types";

/** Runs an agent from the browser: the same startTask every other door uses. */
export const startTaskProcedure = orgRoleProcedure("member")
  .input(ZStartTaskRequestSchema)
  .output(ZStartTaskResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const task = await startTask({
      orgId: ctx.org.id,
      agent: { slug: input.agentSlug },
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: input.text }] },
      actor: { kind: "user", userId: ctx.user.id },
      source: "UI",
    });
    return { id: task.id, price: task.price };
  });
