import "server-only";
import { startTask } from "../../../services/tasks/start-task";
import { orgRoleProcedure } from "../../init";
import { ZTestRunRequestSchema, ZTestRunResponseSchema } from "./test-run.types";

/**
 * Seller: a free test run of one of the org's drafts against its endpoint.
 * It is an ordinary task of the seller org through the one startTask (so the
 * run page's live timeline follows it), started as a sandbox: another org's
 * listing, or one that is not a draft, is not found, and nothing is billed.
 */
export const testRunProcedure = orgRoleProcedure("admin")
  .input(ZTestRunRequestSchema)
  .output(ZTestRunResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const task = await startTask({
      orgId: ctx.org.id,
      agent: { id: input.agentId },
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: input.text }] },
      actor: { kind: "user", userId: ctx.user.id },
      source: "UI",
      sandbox: true,
    });
    return { id: task.id, price: task.price };
  });
